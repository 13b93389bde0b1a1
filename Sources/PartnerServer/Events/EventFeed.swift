import Fluent
import Foundation
import PartnerCore
import SQLKit

/// The pull feed: committed events in position order, after a cursor.
struct EventFeed: Sendable {
    struct Page: Sendable {
        let items: [StoredEvent]
        /// Where to resume: the last position read or, when the page was not full, the highest
        /// position there is — so a filtered reader does not rescan what it already passed.
        let nextCursor: Int64
    }

    let database: any Database
    let sequencer: OutboxSequencer

    /// Up to `limit` events after position `after` (from the oldest kept one without it), of `types`
    /// when given. A cursor older than the retention window (its events are gone) is refused.
    func page(after: Int64?, types: [String], limit: Int) async throws -> Page {
        try await sequencer.sequencePending()
        // The head is read first: every position at or below it committed with it, so the page
        // below sees all of them and `nextCursor` never passes an event the page did not see.
        let head = try await EventCursors.position(.sequence, on: database)
        let pruned = try await EventCursors.position(.pruned, on: database)
        let start = after ?? pruned
        if start < pruned {
            throw DomainError.gone(
                "Events after position \(start) are past the retention window; resume from \(pruned) (events may have been missed).")
        }
        var query: SQLQueryString = "SELECT \(unsafeRaw: StoredEvent.columns) FROM outbox_events"
        query += " WHERE position > \(bind: start) AND position <= \(bind: head)"
        if !types.isEmpty { query += " AND type IN (\(binds: types))" }
        query += " ORDER BY position LIMIT \(literal: limit)"
        let items = try await RowReader.all(query, on: database).map(StoredEvent.init)
        let next = items.count == limit ? items.last?.position ?? start : max(head, start)
        return Page(items: items, nextCursor: next)
    }
}
