import Fluent
import Foundation

/// An event written in the same transaction as the change it describes (transactional outbox),
/// so no committed change goes unannounced and no announced change is rolled back.
final class OutboxEventRecord: Model, @unchecked Sendable {
    static let schema = "outbox_events"

    @ID(key: .id) var id: UUID?
    @Field(key: "type") var type: String
    @Field(key: "occurred_at") var occurredAt: Date
    @Field(key: "subject_type") var subjectType: String
    @Field(key: "subject_id") var subjectID: UUID
    @OptionalField(key: "partner_id") var partnerID: UUID?
    /// The event's `data` object as JSON text.
    @Field(key: "data") var data: String
    @Field(key: "version") var version: Int

    init() {}

    init(type: String, occurredAt: Date, subjectType: String, subjectID: UUID, partnerID: UUID?, data: String, version: Int) {
        self.type = type
        self.occurredAt = occurredAt
        self.subjectType = subjectType
        self.subjectID = subjectID
        self.partnerID = partnerID
        self.data = data
        self.version = version
    }
}
