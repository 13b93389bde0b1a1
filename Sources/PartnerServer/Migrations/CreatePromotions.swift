import Fluent
import SQLKit

struct CreatePromotions: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(PromotionRecord.schema)
            .id()
            .field("name", .string, .required)
            .field("description", .string)
            .field("status", .string, .required)
            .field("discount_bp", .int)
            .field("points_multiplier_milli", .int)
            .field("skus", .string, .required)
            .field("categories", .string, .required)
            .field("partner_types", .string, .required)
            .field("tier_codes", .string, .required)
            .field("regions", .string, .required)
            .field("partner_ids", .string, .required)
            .field("valid_from", .datetime, .required)
            .field("valid_to", .datetime, .required)
            .field("created_by", .uuid, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
        try await database.sql().create(index: "promotions_status_valid_idx").on(PromotionRecord.schema)
            .column("status").column("valid_to").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(PromotionRecord.schema).delete()
    }
}
