import Fluent

/// Partner price overrides and their version history.
struct CreatePartnerPricing: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(PartnerPricingRecord.schema)
            .id()
            .field("partner_id", .uuid, .required, .references(PartnerRecord.schema, "id", onDelete: .cascade))
            .field("product_id", .uuid, .required, .references(ProductRecord.schema, "id", onDelete: .cascade))
            .field("unit_price_minor", .int64)
            .field("discount_bp", .int)
            .field("valid_from", .datetime)
            .field("valid_to", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "partner_id", "product_id", name: "partner_pricing_partner_product_key")
            .create()
        try await database.schema(PricingVersionRecord.schema)
            .id()
            .field("partner_id", .uuid, .required, .references(PartnerRecord.schema, "id", onDelete: .cascade))
            .field("version", .int, .required)
            .field("changed_by", .uuid, .required)
            .field("reason", .string, .required)
            .field("changes", .string, .required)
            .field("changed_at", .datetime, .required)
            .unique(on: "partner_id", "version", name: "partner_pricing_versions_partner_version_key")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(PricingVersionRecord.schema).delete()
        try await database.schema(PartnerPricingRecord.schema).delete()
    }
}
