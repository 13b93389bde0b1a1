import FluentKit
import VaporCSQLite

/// A failed SQLite call on an `SQLiteHandle`, with SQLite's (extended) result code and message.
/// It answers Fluent's `DatabaseError` questions as SQLiteNIO's errors do, so a unique or foreign
/// key violation is told apart on every path (`isConstraintViolation`).
struct SQLiteStatementError: Error, CustomStringConvertible, DatabaseError {
    let code: Int32
    let message: String

    init(code: Int32, message: String) {
        self.code = code
        self.message = message
    }

    init(code: Int32, connection: OpaquePointer) {
        self.init(code: code, message: sqlite_nio_sqlite3_errmsg(connection).map { String(cString: $0) } ?? "SQLite error \(code)")
    }

    /// The primary result code (the extended code's low byte).
    var primaryCode: Int32 { code & 0xFF }

    var description: String { "SQLite error \(code): \(message)" }

    var isSyntaxError: Bool { primaryCode == SQLITE_ERROR }
    var isConnectionClosed: Bool { primaryCode == SQLITE_MISUSE || primaryCode == SQLITE_CANTOPEN }
    var isConstraintFailure: Bool { primaryCode == SQLITE_CONSTRAINT }
}
