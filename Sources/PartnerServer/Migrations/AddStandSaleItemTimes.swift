import Fluent
import SQLKit

/// Each sold line carries its sale's stand and time, with a covering index on them: a stand's
/// per-SKU totals over a period are one range of that index, instead of one index probe into the
/// lines for every sale of the period (a busy stand's year is thousands of probes on UUID text).
/// A sale's stand and time never change after it is recorded, so the copies cannot drift.
struct AddStandSaleItemTimes: AsyncMigration {
    func prepare(on database: any Database) async throws {
        // One column per ALTER: SQLite adds a single column at a time.
        try await database.schema(StandOrderItemRecord.schema).field("stand_id", .uuid).update()
        try await database.schema(StandOrderItemRecord.schema).field("sold_at_ms", .int64).update()
        let sql = try database.sql()
        try await Self.fill(on: sql)
        try await sql.create(index: "stand_order_items_stand_sold_idx").on(StandOrderItemRecord.schema)
            .column("stand_id").column("sold_at_ms").column("sku").column("quantity").column("line_total_minor").run()
    }

    /// Copies every line's stand and time from its sale (lines written before this migration).
    static func fill(on sql: any SQLDatabase) async throws {
        try await sql.raw(
            """
            UPDATE stand_order_items SET \
            stand_id = (SELECT o.stand_id FROM stand_orders o WHERE o.id = stand_order_items.order_id), \
            sold_at_ms = (SELECT o.sold_at_ms FROM stand_orders o WHERE o.id = stand_order_items.order_id)
            """
        ).run()
    }

    func revert(on database: any Database) async throws {
        try await database.sql().drop(index: "stand_order_items_stand_sold_idx").run()
        try await database.schema(StandOrderItemRecord.schema).deleteField("sold_at_ms").update()
        try await database.schema(StandOrderItemRecord.schema).deleteField("stand_id").update()
    }
}
