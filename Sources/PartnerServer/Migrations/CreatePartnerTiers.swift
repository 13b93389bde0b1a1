import Fluent

struct CreatePartnerTiers: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(PartnerTierRecord.schema)
            .id()
            .field("code", .string, .required)
            .field("name", .string, .required)
            .field("partner_types", .string, .required)
            .field("rank", .int, .required)
            .field("base_discount_bp", .int, .required)
            .field("loyalty_multiplier_milli", .int, .required)
            .field("min_revenue_minor", .int64, .required)
            .field("currency", .string, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "code")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(PartnerTierRecord.schema).delete()
    }
}
