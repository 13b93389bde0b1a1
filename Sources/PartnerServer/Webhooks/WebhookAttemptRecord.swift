import Fluent
import Foundation

/// One HTTP attempt of a delivery: when, how long, and what the receiver answered (or why there was
/// no answer).
final class WebhookAttemptRecord: Model, @unchecked Sendable {
    static let schema = "webhook_attempts"

    @ID(key: .id) var id: UUID?
    @Parent(key: "delivery_id") var delivery: WebhookDeliveryRecord
    @Field(key: "attempt") var attempt: Int
    @Field(key: "attempted_at_ms") var attemptedAtMillis: Int64
    @Field(key: "duration_ms") var durationMillis: Int64
    @OptionalField(key: "status_code") var statusCode: Int?
    @OptionalField(key: "error") var error: String?

    init() {}
}
