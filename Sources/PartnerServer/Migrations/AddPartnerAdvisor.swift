import Fluent
import SQLKit

/// The AI Partner Advisor: partner insights (the seed's `PartnerAIInsight`), paged newest first per
/// partner, and per partner and kind for the dashboard's latest health score.
struct AddPartnerAdvisor: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(PartnerAIInsightRecord.schema)
            .id()
            .field("partner_id", .uuid, .required, .references(PartnerRecord.schema, "id", onDelete: .restrict))
            .field("kind", .string, .required)
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
        let sql = try database.sql()
        try await sql.create(index: "partner_ai_insights_partner_time_idx").on(PartnerAIInsightRecord.schema)
            .column("partner_id").column("created_at_ms").column("id").run()
        try await sql.create(index: "partner_ai_insights_partner_kind_idx").on(PartnerAIInsightRecord.schema)
            .column("partner_id").column("kind").column("created_at_ms").column("id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(PartnerAIInsightRecord.schema).delete()
    }
}
