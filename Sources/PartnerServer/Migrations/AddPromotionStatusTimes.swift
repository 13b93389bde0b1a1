import Fluent

/// When each promotion was published and archived, so an old order can be judged on the promotions
/// that were running the day it was placed (a window says when a promotion may run, not that it did).
struct AddPromotionStatusTimes: AsyncMigration {
    func prepare(on database: any Database) async throws {
        // One field per statement: SQLite adds one column per ALTER TABLE.
        try await database.schema(PromotionRecord.schema).field("published_at", .datetime).update()
        try await database.schema(PromotionRecord.schema).field("archived_at", .datetime).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(PromotionRecord.schema).deleteField("archived_at").update()
        try await database.schema(PromotionRecord.schema).deleteField("published_at").update()
    }
}
