import Fluent
import PartnerCore
import SQLKit

/// Every stand sale is paid exactly once. A sale remembers the payout that paid it, so a sale dated
/// in a month already closed is paid as an adjustment on the next payout instead of never; sale
/// lines keep the list price, so a lower till price is a recorded discount.
struct AddStandSettlement: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(StandOrderRecord.schema)
            .field("payout_id", .uuid, .references(StandPayoutRecord.schema, "id", onDelete: .restrict))
            .update()
        try await database.schema(StandOrderItemRecord.schema)
            .field("list_price_minor", .int64, .required, .sql(.default(0)))
            .update()
        // SQLite adds one column per ALTER TABLE.
        try await database.schema(StandPayoutRecord.schema).field("adjustment_minor", .int64, .required, .sql(.default(0))).update()
        try await database.schema(StandPayoutRecord.schema).field("adjustment_sales", .int, .required, .sql(.default(0))).update()
        let sql = try database.sql()
        try await sql.create(index: "stand_orders_unpaid_idx").on(StandOrderRecord.schema)
            .column("stand_id").column("payout_id").column("sold_at_ms").run()
        try await sql.raw("UPDATE \(ident: StandOrderItemRecord.schema) SET list_price_minor = unit_price_minor").run()
        // Sales inside months closed before this migration were paid by those payouts.
        for payout in try await StandPayoutRecord.query(on: database).all() {
            guard let month = Month(payout.period) else { continue }
            try await sql.update(StandOrderRecord.schema)
                .set("payout_id", to: SQLBind(try payout.requireID()))
                .where("stand_id", .equal, SQLBind(payout.$stand.id))
                .where("sold_at_ms", .greaterThanOrEqual, SQLBind(PartnerOrderRecord.millis(month.start)))
                .where("sold_at_ms", .lessThan, SQLBind(PartnerOrderRecord.millis(month.next.start)))
                .run()
        }
    }

    func revert(on database: any Database) async throws {
        try await database.sql().drop(index: "stand_orders_unpaid_idx").run()
        try await database.schema(StandOrderRecord.schema).deleteField("payout_id").update()
        try await database.schema(StandOrderItemRecord.schema).deleteField("list_price_minor").update()
        try await database.schema(StandPayoutRecord.schema).deleteField("adjustment_minor").update()
        try await database.schema(StandPayoutRecord.schema).deleteField("adjustment_sales").update()
    }
}
