import Fluent
import Foundation

/// A notice for HQ (a dead-lettered webhook, a failed automation, …): network-wide, optionally
/// about one partner, never shown to partner users.
final class HQAlertRecord: Model, @unchecked Sendable {
    static let schema = "hq_alerts"

    @ID(key: .id) var id: UUID?
    @OptionalField(key: "partner_id") var partnerID: UUID?
    @Field(key: "kind") var kind: String
    @Field(key: "severity") var severity: String
    @Field(key: "title") var title: String
    @Field(key: "message") var message: String
    @OptionalField(key: "link") var link: String?
    @OptionalField(key: "subject_type") var subjectType: String?
    @OptionalField(key: "subject_id") var subjectID: UUID?
    @OptionalField(key: "read_at") var readAt: Date?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "created_at_ms") var createdAtMillis: Int64

    init() {}
}
