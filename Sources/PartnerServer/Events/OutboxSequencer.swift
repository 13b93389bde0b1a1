import Fluent
import Foundation
import SQLKit

/// Gives committed outbox events their positions, the order every reader pages in.
///
/// Positions are not taken when an event is written: on PostgreSQL, transactions commit out of the
/// order they took sequence numbers (or timestamps) in, so a reader that had seen position 12 could
/// miss 11 committing after it. Instead, after commit, one sequencer at a time — the `sequence`
/// cursor row is locked for the batch — numbers the events that have none yet and commits. A later
/// batch starts only after the earlier one committed, so every reader's snapshot holds a prefix of
/// the positions: paging by `position > cursor` never skips an event.
struct OutboxSequencer: Sendable {
    let database: any Database
    let writes: WriteSerializer
    var batchSize = 500

    /// Numbers every event that has no position yet; returns how many were numbered.
    @discardableResult
    func sequencePending() async throws -> Int {
        var total = 0
        while try await hasPending() {
            let limit = batchSize
            let numbered = try await writes.transaction(on: database) { db in try await Self.sequence(on: db, limit: limit) }
            total += numbered
            if numbered < limit { break }
        }
        return total
    }

    /// A read first, so an idle feed or relay costs no write.
    private func hasPending() async throws -> Bool {
        try await !database.sql().raw("SELECT 1 AS pending FROM outbox_events WHERE position IS NULL LIMIT 1").all().isEmpty
    }

    /// One batch, inside the caller's transaction.
    static func sequence(on db: any Database, limit: Int) async throws -> Int {
        let sql = try db.sql()
        let postgres = sql.dialect.name == "postgresql"
        // The lock makes concurrent sequencers (several instances) take turns; SQLite writers are
        // already one at a time.
        let lock: SQLQueryString = postgres ? " FOR UPDATE" : ""
        let last = try await EventCursors.position(.sequence, on: db, suffix: lock)
        let order: SQLQueryString = postgres ? "seq" : "rowid"
        let rows = try await RowReader.all(
            "SELECT id FROM outbox_events WHERE position IS NULL ORDER BY \(order) LIMIT \(literal: limit)", on: db)
        let ids = try rows.map { try $0.uuid("id") }
        guard !ids.isEmpty else { return 0 }
        var cases: SQLQueryString = "UPDATE outbox_events SET position = CASE id"
        for (offset, id) in ids.enumerated() {
            cases += " WHEN \(bind: id) THEN \(bind: last + Int64(offset) + 1)"
        }
        cases += " END WHERE id IN (\(binds: ids))"
        try await sql.raw(cases).run()
        try await EventCursors.set(.sequence, to: last + Int64(ids.count), on: db)
        return ids.count
    }
}
