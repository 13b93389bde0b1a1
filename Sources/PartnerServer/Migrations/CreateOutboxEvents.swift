import Fluent
import SQLKit

struct CreateOutboxEvents: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(OutboxEventRecord.schema)
            .id()
            .field("type", .string, .required)
            .field("occurred_at", .datetime, .required)
            .field("subject_type", .string, .required)
            .field("subject_id", .uuid, .required)
            .field("partner_id", .uuid)
            .field("data", .string, .required)
            .field("version", .int, .required)
            .create()
        try await database.sql().create(index: "outbox_events_occurred_idx")
            .on(OutboxEventRecord.schema).column("occurred_at").column("id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(OutboxEventRecord.schema).delete()
    }
}
