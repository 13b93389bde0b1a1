import Fluent
import Foundation

/// One event on its way to one subscription: pending, leased to a sender, succeeded, failed (the
/// subscription was disabled) or dead (every attempt failed; replayable).
final class WebhookDeliveryRecord: Model, @unchecked Sendable {
    static let schema = "webhook_deliveries"

    @ID(key: .id) var id: UUID?
    @Parent(key: "subscription_id") var subscription: WebhookSubscriptionRecord
    /// The event's id, sent as `webhook-id` on every attempt and replay.
    @Field(key: "event_id") var eventID: UUID
    @Field(key: "event_type") var eventType: String
    /// The request body exactly as signed: the event envelope as JSON.
    @Field(key: "payload") var payload: String
    @Field(key: "status") var status: String
    @Field(key: "attempts") var attempts: Int
    @Field(key: "next_attempt_ms") var nextAttemptMillis: Int64
    @OptionalField(key: "lease_until_ms") var leaseUntilMillis: Int64?
    @OptionalField(key: "last_status_code") var lastStatusCode: Int?
    @OptionalField(key: "last_error") var lastError: String?
    @Field(key: "created_at_ms") var createdAtMillis: Int64
    @OptionalField(key: "completed_at_ms") var completedAtMillis: Int64?

    init() {}
}
