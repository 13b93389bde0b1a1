import Foundation
import PartnerCore

/// A notice to a partner (low stock, a contract due for renewal, …), stored for the portal and
/// emitted as an event.
struct PartnerAlert: Equatable, Sendable {
    let id: UUID
    let partnerID: UUID
    let kind: String
    let severity: AlertSeverity
    let title: String
    let message: String
    let link: String?
    let subjectType: String?
    let subjectID: UUID?
    let readAt: Date?
    let createdAt: Date
}

/// A notice for HQ's inbox (network-wide), optionally about one partner.
struct HQAlert: Equatable, Sendable {
    let id: UUID
    let partnerID: UUID?
    let kind: String
    let severity: AlertSeverity
    let title: String
    let message: String
    let link: String?
    let subjectType: String?
    let subjectID: UUID?
    let readAt: Date?
    let createdAt: Date
}
