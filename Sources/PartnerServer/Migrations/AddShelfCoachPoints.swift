import Fluent
import SQLKit

/// Each shelf line carries a copy of the coach's latest reorder point for it and when that was
/// computed, written by `StandReorderPoints.store` in the same transaction as the point itself. A
/// page of the stand list counts its low lines from `stand_inventory` alone — one covering index
/// range per stand — instead of probing `stand_reorder_points` once per shelf line: those probes
/// were most of the list's SQL (≈ 2,000 for a page of 50 stands).
struct AddShelfCoachPoints: AsyncMigration {
    func prepare(on database: any Database) async throws {
        // One column per ALTER: SQLite adds a single column at a time.
        try await database.schema(StandInventoryRecord.schema).field("coach_reorder_point", .int).update()
        try await database.schema(StandInventoryRecord.schema).field("coach_point_at_ms", .int64).update()
        let sql = try database.sql()
        try await Self.fill(on: sql)
        try await sql.create(index: "stand_inventory_low_idx").on(StandInventoryRecord.schema)
            .column("stand_id").column("on_hand").column("min_level").column("coach_reorder_point").column("coach_point_at_ms").run()
    }

    /// Copies every line's point from `stand_reorder_points` (the points stored before).
    static func fill(on sql: any SQLDatabase) async throws {
        try await sql.raw(
            """
            UPDATE stand_inventory SET \
            coach_reorder_point = (SELECT rp.reorder_point FROM stand_reorder_points rp \
            WHERE rp.location_id = stand_inventory.location_id AND rp.sku = stand_inventory.sku), \
            coach_point_at_ms = (SELECT rp.computed_at_ms FROM stand_reorder_points rp \
            WHERE rp.location_id = stand_inventory.location_id AND rp.sku = stand_inventory.sku)
            """
        ).run()
    }

    func revert(on database: any Database) async throws {
        try await database.sql().drop(index: "stand_inventory_low_idx").run()
        try await database.schema(StandInventoryRecord.schema).deleteField("coach_point_at_ms").update()
        try await database.schema(StandInventoryRecord.schema).deleteField("coach_reorder_point").update()
    }
}
