import Fluent
import Foundation
import SQLKit

/// Deletes outbox events past their retention, as a prefix of positions: everything up to the last
/// position before the first event still inside the window, and never past what the webhook relay
/// has fanned out (its deliveries keep their own copy of the body). The `pruned` cursor records the
/// prefix, so the feed answers a cursor inside it with 410 instead of silently skipping.
enum OutboxRetention {
    /// Deletes events that occurred before `cutoff` (inside the caller's transaction); returns how many.
    @discardableResult
    static func prune(before cutoff: Date, on db: any Database) async throws -> Int {
        let sql = try db.sql()
        let lock: SQLQueryString = sql.dialect.name == "postgresql" ? " FOR UPDATE" : ""
        let pruned = try await EventCursors.position(.pruned, on: db, suffix: lock)
        let head = try await EventCursors.position(.sequence, on: db)
        let fanout = try await EventCursors.position(.fanout, on: db)
        let newer = try await RowReader.all(
            "SELECT MIN(position) AS first FROM outbox_events WHERE position IS NOT NULL AND occurred_at >= \(bind: cutoff)", on: db)
        let firstKept = try newer.first?.optionalInt64("first")
        let through = min(firstKept.map { $0 - 1 } ?? head, fanout)
        guard through > pruned else { return 0 }
        let deleted = try await sql.delete(from: OutboxEventRecord.schema).where("position", .lessThanOrEqual, SQLBind(through))
            .returning("id").all().count
        try await EventCursors.set(.pruned, to: through, on: db)
        return deleted
    }
}
