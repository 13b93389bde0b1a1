import Fluent
import SQLKit

/// A count is applied as of when it was taken: each line keeps the sales and deliveries recorded
/// after that moment and the on-hand it left, so the response can say how it was applied.
struct AddCountMovements: AsyncMigration {
    func prepare(on database: any Database) async throws {
        // SQLite adds one column per ALTER TABLE.
        let table = StandInventorySnapshotLineRecord.schema
        try await database.schema(table).field("sold_since", .int, .required, .sql(.default(0))).update()
        try await database.schema(table).field("delivered_since", .int, .required, .sql(.default(0))).update()
        try await database.schema(table).field("on_hand_after", .int, .required, .sql(.default(0))).update()
        try await database.sql().raw("UPDATE \(ident: table) SET on_hand_after = counted").run()
    }

    func revert(on database: any Database) async throws {
        let table = StandInventorySnapshotLineRecord.schema
        for field in ["sold_since", "delivered_since", "on_hand_after"] {
            try await database.schema(table).deleteField(.string(field)).update()
        }
    }
}
