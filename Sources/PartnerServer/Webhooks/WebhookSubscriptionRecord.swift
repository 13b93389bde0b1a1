import Fluent
import Foundation

/// A webhook endpoint and the event types it receives. The secret is stored as issued (it signs
/// every request, so it cannot be hashed) and shown only once, when created or rotated.
final class WebhookSubscriptionRecord: Model, @unchecked Sendable {
    static let schema = "webhook_subscriptions"

    @ID(key: .id) var id: UUID?
    @Field(key: "url") var url: String
    /// JSON array of event types; empty means every type.
    @Field(key: "event_types") var eventTypes: String
    @Field(key: "description") var description: String
    @Field(key: "secret") var secret: String
    /// The secret before the last rotation, still signing until `previousSecretUntil`.
    @OptionalField(key: "previous_secret") var previousSecret: String?
    @OptionalField(key: "previous_secret_until_ms") var previousSecretUntilMillis: Int64?
    @Field(key: "status") var status: String
    @OptionalField(key: "disabled_reason") var disabledReason: String?
    /// Since when every attempt has failed; cleared by a success.
    @OptionalField(key: "failing_since_ms") var failingSinceMillis: Int64?
    /// Events at or below this outbox position predate the subscription and are not sent to it.
    @Field(key: "start_position") var startPosition: Int64
    @OptionalField(key: "created_by") var createdBy: UUID?
    @Field(key: "created_at_ms") var createdAtMillis: Int64
    @Field(key: "updated_at_ms") var updatedAtMillis: Int64

    init() {}
}
