import Fluent
import SQLKit

/// Reads and moves the named positions in `event_cursors`.
enum EventCursors {
    static func position(_ cursor: EventCursor, on db: any Database, suffix: SQLQueryString = "") async throws -> Int64 {
        let rows = try await RowReader.all(
            "SELECT position FROM event_cursors WHERE name = \(bind: cursor.rawValue)" + suffix, on: db)
        return try rows.first?.int64("position") ?? 0
    }

    static func set(_ cursor: EventCursor, to position: Int64, on db: any Database) async throws {
        try await db.sql().raw("UPDATE event_cursors SET position = \(bind: position) WHERE name = \(bind: cursor.rawValue)").run()
    }
}
