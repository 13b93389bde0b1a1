import Fluent
import SQLKit

/// Covering indexes for the stand reports: a year of a stand's sales (and its peers' revenue) is
/// summed from the index alone, without reading a table row per sale.
struct AddStandSalesCoveringIndexes: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = try database.sql()
        try await sql.create(index: "stand_orders_stand_sold_totals_idx").on(StandOrderRecord.schema)
            .column("stand_id").column("sold_at_ms").column("location_id").column("total_minor").column("units").run()
        try await sql.create(index: "stand_order_items_order_totals_idx").on(StandOrderItemRecord.schema)
            .column("order_id").column("sku").column("quantity").column("line_total_minor").run()
    }

    func revert(on database: any Database) async throws {
        let sql = try database.sql()
        try await sql.drop(index: "stand_order_items_order_totals_idx").run()
        try await sql.drop(index: "stand_orders_stand_sold_totals_idx").run()
    }
}
