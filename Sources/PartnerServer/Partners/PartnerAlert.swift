import Foundation

/// A notice to a partner (low stock, …), stored for the portal and emitted as an event.
struct PartnerAlert: Equatable, Sendable {
    let id: UUID
    let partnerID: UUID
    let kind: String
    let severity: String
    let title: String
    let message: String
    let subjectType: String?
    let subjectID: UUID?
    let createdAt: Date
}
