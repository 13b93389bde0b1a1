import Fluent
import SQLKit

/// The partner loyalty ledger, append-only by trigger on both databases.
struct CreateLoyaltyLedger: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(LoyaltyEntryRecord.schema)
            .id()
            .field("partner_id", .uuid, .required, .references(PartnerRecord.schema, "id", onDelete: .restrict))
            .field("kind", .string, .required)
            .field("points", .int, .required)
            .field("occurred_at", .datetime, .required)
            .field("occurred_at_ms", .int64, .required)
            .field("expires_at", .datetime)
            .field("idempotency_key", .string, .required)
            .field("reference", .string)
            .field("note", .string)
            .field("created_by", .uuid)
            .unique(on: "partner_id", "idempotency_key", name: "partner_loyalty_ledger_partner_key_key")
            .create()
        let sql = try database.sql()
        try await sql.create(index: "partner_loyalty_ledger_partner_time_idx").on(LoyaltyEntryRecord.schema)
            .column("partner_id").column("occurred_at_ms").column("id").run()
        try await AppendOnlyTable.protect(LoyaltyEntryRecord.schema, on: sql)
    }

    func revert(on database: any Database) async throws {
        try await database.schema(LoyaltyEntryRecord.schema).delete()
        try await AppendOnlyTable.unprotect(LoyaltyEntryRecord.schema, on: database.sql())
    }
}
