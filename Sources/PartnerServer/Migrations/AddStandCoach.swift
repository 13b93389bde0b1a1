import Fluent
import SQLKit

/// The AI Stand Coach: stand insights get their level, input window and a millisecond time for
/// newest-first pages; the coach's reorder points per location × SKU are kept with their time (the
/// low-stock policy uses one for 7 days); network-wide insights get the seed's `AIInsight` table.
struct AddStandCoach: AsyncMigration {
    func prepare(on database: any Database) async throws {
        // SQLite adds one column per ALTER TABLE.
        let insights = StandAIInsightRecord.schema
        try await database.schema(insights).field("level", .string, .required, .sql(.default(""))).update()
        try await database.schema(insights).field("window_from", .datetime).update()
        try await database.schema(insights).field("window_through", .datetime).update()
        try await database.schema(insights).field("created_at_ms", .int64, .required, .sql(.default(0))).update()
        let sql = try database.sql()
        try await sql.create(index: "stand_ai_insights_stand_time_idx").on(insights)
            .column("stand_id").column("created_at_ms").column("id").run()
        try await sql.create(index: "stand_ai_insights_stand_kind_idx").on(insights)
            .column("stand_id").column("kind").column("created_at_ms").run()

        try await database.schema(StandReorderPointRecord.schema)
            .id()
            .field("stand_id", .uuid, .required, .references(StandPartnerRecord.schema, "id", onDelete: .restrict))
            .field("location_id", .uuid, .required, .references(StandLocationRecord.schema, "id", onDelete: .restrict))
            .field("sku", .string, .required)
            .field("reorder_point", .int, .required)
            .field("order_up_to", .int, .required)
            .field("safety_stock", .double, .required)
            .field("service_level", .double, .required)
            .field("lead_time_days", .int, .required)
            .field("insight_id", .uuid)
            .field("computed_at", .datetime, .required)
            .field("computed_at_ms", .int64, .required)
            .unique(on: "location_id", "sku", name: "stand_reorder_points_location_sku_key")
            .create()

        try await database.schema(AIInsightRecord.schema)
            .id()
            .field("kind", .string, .required)
            .field("subject", .string, .required)
            .field("region", .string)
            .field("score", .int, .required)
            .field("level", .string, .required)
            .field("title", .string, .required)
            .field("summary", .string, .required)
            .field("payload", .string, .required)
            .field("model_version", .string, .required)
            .field("window_from", .datetime)
            .field("window_through", .datetime)
            .field("created_by", .uuid)
            .field("created_at", .datetime, .required)
            .field("created_at_ms", .int64, .required)
            .create()
        try await sql.create(index: "ai_insights_kind_time_idx").on(AIInsightRecord.schema)
            .column("kind").column("created_at_ms").column("id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(AIInsightRecord.schema).delete()
        try await database.schema(StandReorderPointRecord.schema).delete()
        let sql = try database.sql()
        try await sql.drop(index: "stand_ai_insights_stand_kind_idx").run()
        try await sql.drop(index: "stand_ai_insights_stand_time_idx").run()
        for field in ["level", "window_from", "window_through", "created_at_ms"] {
            try await database.schema(StandAIInsightRecord.schema).deleteField(.string(field)).update()
        }
    }
}
