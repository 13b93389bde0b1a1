import Fluent
import SQLKit

/// The coach's wait for an empty shelf: for a fill-rate target below what one refill at empty
/// serves, a line's refill is requested only after its shelf has stood empty this many days. With
/// a covering index, because every shelf line of the sale path and the stand list looks up its
/// current reorder point: read from the index alone, not a table row per line.
struct AddReorderPointWait: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(StandReorderPointRecord.schema).field("wait_days", .int, .required, .sql(.default(0))).update()
        try await database.sql().create(index: "stand_reorder_points_current_idx").on(StandReorderPointRecord.schema)
            .column("location_id").column("sku").column("computed_at_ms").column("reorder_point").column("wait_days").run()
    }

    func revert(on database: any Database) async throws {
        try await database.sql().drop(index: "stand_reorder_points_current_idx").run()
        try await database.schema(StandReorderPointRecord.schema).deleteField("wait_days").update()
    }
}
