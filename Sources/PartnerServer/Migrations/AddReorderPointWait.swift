import Fluent

/// The coach's wait for an empty shelf: for a fill-rate target below what one refill at empty
/// serves, a line's refill is requested only after its shelf has stood empty this many days.
struct AddReorderPointWait: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(StandReorderPointRecord.schema).field("wait_days", .int, .required, .sql(.default(0))).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(StandReorderPointRecord.schema).deleteField("wait_days").update()
    }
}
