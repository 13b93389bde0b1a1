import Fluent
import SQLKit

/// Events leave the system (issue 12): outbox positions, the cursors of the relay stages, webhook
/// subscriptions, their deliveries and every delivery attempt.
///
/// `position` is assigned after commit by `OutboxSequencer`, one batch at a time under a lock, so a
/// reader that pages by position never skips a committed event. Until then `seq` (PostgreSQL) or the
/// rowid (SQLite) keeps the order events were written in.
struct AddEventDelivery: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = try database.sql()
        try await database.schema(OutboxEventRecord.schema).field("position", .int64).update()
        if sql.dialect.name == "postgresql" {
            try await sql.raw("ALTER TABLE outbox_events ADD COLUMN seq BIGSERIAL").run()
        }
        try await sql.create(index: "outbox_events_position_idx").unique().on(OutboxEventRecord.schema).column("position").run()
        try await sql.raw("CREATE TABLE event_cursors (name TEXT PRIMARY KEY, position BIGINT NOT NULL)").run()
        try await sql.insert(into: "event_cursors").columns("name", "position")
            .values(EventCursor.sequence.rawValue, 0).values(EventCursor.pruned.rawValue, 0).values(EventCursor.fanout.rawValue, 0)
            .run()

        try await database.schema(WebhookSubscriptionRecord.schema)
            .id()
            .field("url", .string, .required)
            .field("event_types", .string, .required)
            .field("description", .string, .required)
            .field("secret", .string, .required)
            .field("previous_secret", .string)
            .field("previous_secret_until_ms", .int64)
            .field("status", .string, .required)
            .field("disabled_reason", .string)
            .field("failing_since_ms", .int64)
            .field("start_position", .int64, .required)
            .field("created_by", .uuid)
            .field("created_at_ms", .int64, .required)
            .field("updated_at_ms", .int64, .required)
            .create()

        try await database.schema(WebhookDeliveryRecord.schema)
            .id()
            .field("subscription_id", .uuid, .required, .references(WebhookSubscriptionRecord.schema, "id", onDelete: .cascade))
            .field("event_id", .uuid, .required)
            .field("event_type", .string, .required)
            .field("payload", .string, .required)
            .field("status", .string, .required)
            .field("attempts", .int, .required)
            .field("next_attempt_ms", .int64, .required)
            .field("lease_until_ms", .int64)
            .field("last_status_code", .int)
            .field("last_error", .string)
            .field("created_at_ms", .int64, .required)
            .field("completed_at_ms", .int64)
            .unique(on: "subscription_id", "event_id")
            .create()
        try await sql.create(index: "webhook_deliveries_due_idx").on(WebhookDeliveryRecord.schema)
            .column("status").column("next_attempt_ms").run()
        try await sql.create(index: "webhook_deliveries_subscription_idx").on(WebhookDeliveryRecord.schema)
            .column("subscription_id").column("created_at_ms").column("id").run()

        try await database.schema(WebhookAttemptRecord.schema)
            .id()
            .field("delivery_id", .uuid, .required, .references(WebhookDeliveryRecord.schema, "id", onDelete: .cascade))
            .field("attempt", .int, .required)
            .field("attempted_at_ms", .int64, .required)
            .field("duration_ms", .int64, .required)
            .field("status_code", .int)
            .field("error", .string)
            .create()
        try await sql.create(index: "webhook_attempts_delivery_idx").on(WebhookAttemptRecord.schema)
            .column("delivery_id").column("attempt").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(WebhookAttemptRecord.schema).delete()
        try await database.schema(WebhookDeliveryRecord.schema).delete()
        try await database.schema(WebhookSubscriptionRecord.schema).delete()
        let sql = try database.sql()
        try await sql.raw("DROP TABLE event_cursors").run()
        try await sql.drop(index: "outbox_events_position_idx").run()
        if sql.dialect.name == "postgresql" { try await sql.raw("ALTER TABLE outbox_events DROP COLUMN seq").run() }
        try await database.schema(OutboxEventRecord.schema).deleteField("position").update()
    }
}
