import Fluent

struct CreatePartnerPerformance: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(PartnerPerformanceRecord.schema)
            .id()
            .field("partner_id", .uuid, .required, .references(PartnerRecord.schema, "id", onDelete: .restrict))
            .field("month", .string, .required)
            .field("currency", .string, .required)
            .field("revenue_minor", .int64, .required)
            .field("orders", .int, .required)
            .field("loyalty_earned", .int, .required)
            .field("updated_at", .datetime)
            .unique(on: "partner_id", "month", name: "partner_performance_partner_month_key")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(PartnerPerformanceRecord.schema).delete()
    }
}
