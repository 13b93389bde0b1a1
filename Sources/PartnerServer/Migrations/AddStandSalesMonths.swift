import Fluent
import SQLKit

/// Monthly sales totals per stand location and per stand SKU (`StandSalesMonths`), filled from the
/// sales recorded before. Keyed by stand, month start (UTC milliseconds) and location or SKU, so a
/// stand's months are one range of the key (and of a covering index).
struct AddStandSalesMonths: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(StandSalesMonths.locations)
            .field("stand_id", .uuid, .required, .references(StandPartnerRecord.schema, "id", onDelete: .restrict))
            .field("month_ms", .int64, .required)
            .field("location_id", .uuid, .required, .references(StandLocationRecord.schema, "id", onDelete: .restrict))
            .field("revenue_minor", .int64, .required)
            .field("units", .int64, .required)
            .field("sales", .int64, .required)
            .compositeIdentifier(over: "stand_id", "month_ms", "location_id")
            .create()
        try await database.schema(StandSalesMonths.skus)
            .field("stand_id", .uuid, .required, .references(StandPartnerRecord.schema, "id", onDelete: .restrict))
            .field("month_ms", .int64, .required)
            .field("sku", .string, .required)
            .field("units", .int64, .required)
            .field("revenue_minor", .int64, .required)
            .compositeIdentifier(over: "stand_id", "month_ms", "sku")
            .create()
        // Covering the totals too: a report reads a stand's months without visiting the table.
        let sql = try database.sql()
        try await sql.create(index: "stand_sales_months_cover_idx").on(StandSalesMonths.locations)
            .column("stand_id").column("month_ms").column("location_id").column("revenue_minor").column("units").column("sales").run()
        try await sql.create(index: "stand_sku_sales_months_cover_idx").on(StandSalesMonths.skus)
            .column("stand_id").column("month_ms").column("sku").column("units").column("revenue_minor").run()
        try await StandSalesMonths.fill(on: database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema(StandSalesMonths.skus).delete()
        try await database.schema(StandSalesMonths.locations).delete()
    }
}
