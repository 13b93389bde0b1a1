import Fluent
import Foundation

/// A notice for a partner's users (Notification OS delivers it; the portal shows it).
final class PartnerAlertRecord: Model, @unchecked Sendable {
    static let schema = "partner_alerts"

    @ID(key: .id) var id: UUID?
    @Parent(key: "partner_id") var partner: PartnerRecord
    @Field(key: "kind") var kind: String
    @Field(key: "severity") var severity: String
    @Field(key: "title") var title: String
    @Field(key: "message") var message: String
    @OptionalField(key: "subject_type") var subjectType: String?
    @OptionalField(key: "subject_id") var subjectID: UUID?
    /// Where the portal or an integration finds the thing the alert is about (an API path).
    @OptionalField(key: "link") var link: String?
    /// When a member of the partner (or HQ) marked it read; shared by the partner's users.
    @OptionalField(key: "read_at") var readAt: Date?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "created_at_ms") var createdAtMillis: Int64

    init() {}
}
