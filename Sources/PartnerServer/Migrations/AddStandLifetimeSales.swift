import Fluent
import SQLKit

/// A stand's lifetime sales kept as a running total beside the stand, so the loyalty milestones a
/// sale may cross are checked without summing the whole history on every sale.
struct AddStandLifetimeSales: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(StandPartnerRecord.schema)
            .field("lifetime_sales_minor", .int64, .required, .sql(.default(0))).update()
        try await Self.recount(on: database.sql())
    }

    func revert(on database: any Database) async throws {
        try await database.schema(StandPartnerRecord.schema).deleteField("lifetime_sales_minor").update()
    }

    /// Sets every stand's total from its sales (the demo and scale seeds write sales in bulk).
    static func recount(on sql: any SQLDatabase) async throws {
        try await sql.raw(
            """
            UPDATE stand_partners SET lifetime_sales_minor = \
            (SELECT COALESCE(SUM(o.total_minor), 0) FROM stand_orders o WHERE o.stand_id = stand_partners.id)
            """
        ).run()
    }
}
