import NIOConcurrencyHelpers
import NIOCore
import SQLiteNIO
import VaporCSQLite

/// One SQLite connection that keeps its prepared statements.
///
/// SQLiteNIO compiles every statement anew and finalizes it after one run; on the write path that
/// preparation cost more than executing the short statements themselves (`sqlite3_prepare_v3` is
/// 3–4× a single-row INSERT here). This connection keeps each statement it compiled, keyed by its
/// text, and only resets and re-binds it. It uses the copy of SQLite that SQLiteNIO links, never a
/// second one: two copies in one process do not see each other's POSIX locks on the same file
/// (SQLite's "How To Corrupt An SQLite Database File", §2.2.1).
///
/// A statement runs under a lock, from binding to its last row: its owner normally calls from one
/// thread at a time (the writer's), and the lock keeps a call from anywhere else from interleaving
/// with it on the connection or the cache. `onRow` must not call back into the handle.
final class SQLiteHandle: Sendable {
    /// Statements with texts beyond this many are compiled, run and finalized: multi-row inserts
    /// of every length must not grow the cache without bound.
    static let cacheCapacity = 256

    /// The connection (nil once closed) and its kept statements, by text.
    private struct State: @unchecked Sendable {
        var connection: OpaquePointer?
        var statements: [String: OpaquePointer] = [:]
    }

    private let state: NIOLockedValueBox<State>

    /// Opens (or creates) the database file at `location`, a path or a `file:` URI.
    init(location: String) throws {
        let flags = SQLITE_OPEN_CREATE | SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI | SQLITE_OPEN_EXRESCODE
        var handle: OpaquePointer?
        let status = sqlite_nio_sqlite3_open_v2(location, &handle, flags, nil)
        guard status == SQLITE_OK, let handle else {
            let error = SQLiteStatementError(code: status, message: "Cannot open the SQLite database at \(location).")
            sqlite_nio_sqlite3_close(handle)
            throw error
        }
        state = NIOLockedValueBox(State(connection: handle))
    }

    deinit {
        close()
    }

    /// The statements compiled and kept so far.
    var cachedStatementCount: Int { state.withLockedValue { $0.statements.count } }

    /// How many times SQLite recompiled a kept statement (after a schema change, or a rebinding it
    /// was told to re-plan for): a statement cache that keeps recompiling saves nothing.
    var recompilations: Int {
        state.withLockedValue { state in
            state.statements.values.reduce(0) { $0 + Int(sqlite_nio_sqlite3_stmt_status($1, SQLITE_STMTSTATUS_REPREPARE, 0)) }
        }
    }

    /// Runs one statement with `binds` for its `?` parameters and hands each result row to `onRow`.
    func execute(_ sql: String, _ binds: [SQLiteData], onRow: (SQLiteValuesRow) throws -> Void = { _ in }) throws {
        try state.withLockedValue { state in try Self.execute(sql, binds, in: &state, onRow: onRow) }
    }

    /// Finalizes the kept statements and closes the connection; later calls fail.
    func close() {
        state.withLockedValue { state in
            for statement in state.statements.values { sqlite_nio_sqlite3_finalize(statement) }
            state.statements.removeAll()
            if let connection = state.connection { sqlite_nio_sqlite3_close(connection) }
            state.connection = nil
        }
    }

    private static func execute(
        _ sql: String, _ binds: [SQLiteData], in state: inout State, onRow: (SQLiteValuesRow) throws -> Void
    ) throws {
        guard let connection = state.connection else {
            throw SQLiteStatementError(code: SQLITE_MISUSE, message: "The SQLite connection is closed.")
        }
        let (statement, kept) = try prepared(sql, on: connection, in: &state)
        defer {
            // Reset only: `sqlite3_clear_bindings` expires a statement whose plan read a bound value
            // (`LIMIT ?`, a `col = ?` filter term), which recompiles it on its next step. Every run
            // binds every parameter (`bind` checks the count), so no old value is left behind.
            if kept {
                sqlite_nio_sqlite3_reset(statement)
            } else {
                sqlite_nio_sqlite3_finalize(statement)
            }
        }
        try bind(binds, to: statement, on: connection)
        var columns: SQLiteColumnNames?
        while true {
            let status = sqlite_nio_sqlite3_step(statement)
            if status == SQLITE_DONE { return }
            guard status == SQLITE_ROW else { throw SQLiteStatementError(code: status, connection: connection) }
            let names = columns ?? SQLiteColumnNames(statement: statement)
            columns = names
            try onRow(SQLiteValuesRow(columns: names, values: Self.values(of: statement, count: names.count)))
        }
    }

    /// The kept statement for `sql`, compiling it on first use; `kept` is false for one that is not
    /// cached (the cache is full) and must be finalized after its run.
    private static func prepared(_ sql: String, on connection: OpaquePointer, in state: inout State) throws
        -> (statement: OpaquePointer, kept: Bool)
    {
        if let statement = state.statements[sql] { return (statement, true) }
        let keep = state.statements.count < cacheCapacity
        var statement: OpaquePointer?
        let flags = keep ? UInt32(SQLITE_PREPARE_PERSISTENT) : 0
        let status = sqlite_nio_sqlite3_prepare_v3(connection, sql, -1, flags, &statement, nil)
        guard status == SQLITE_OK else { throw SQLiteStatementError(code: status, connection: connection) }
        guard let statement else {
            // Only a comment or white space: SQLite compiles nothing.
            throw SQLiteStatementError(code: SQLITE_MISUSE, message: "The SQL text holds no statement.")
        }
        if keep { state.statements[sql] = statement }
        return (statement, keep)
    }

    private static func bind(_ binds: [SQLiteData], to statement: OpaquePointer, on connection: OpaquePointer) throws {
        let parameters = Int(sqlite_nio_sqlite3_bind_parameter_count(statement))
        guard binds.count == parameters else {
            throw SQLiteStatementError(
                code: SQLITE_RANGE, message: "The statement has \(parameters) parameters; \(binds.count) values were bound.")
        }
        for (offset, value) in binds.enumerated() {
            let index = Int32(truncatingIfNeeded: offset + 1)
            let status: Int32
            switch value {
            case .integer(let integer):
                status = sqlite_nio_sqlite3_bind_int64(statement, index, Int64(integer))
            case .float(let double):
                status = sqlite_nio_sqlite3_bind_double(statement, index, double)
            case .text(let text):
                var text = text
                status = text.withUTF8 {
                    sqlite_nio_sqlite3_bind_text64(
                        statement, index, $0.baseAddress, UInt64($0.count), SQLiteHandle.transient, UInt8(SQLITE_UTF8))
                }
            case .blob(let buffer):
                status = buffer.withUnsafeReadableBytes {
                    sqlite_nio_sqlite3_bind_blob64(statement, index, $0.baseAddress, UInt64($0.count), SQLiteHandle.transient)
                }
            case .null:
                status = sqlite_nio_sqlite3_bind_null(statement, index)
            }
            guard status == SQLITE_OK else { throw SQLiteStatementError(code: status, connection: connection) }
        }
    }

    private static func values(of statement: OpaquePointer, count: Int) -> [SQLiteData] {
        (0..<Int32(truncatingIfNeeded: count)).map { column in
            switch sqlite_nio_sqlite3_column_type(statement, column) {
            case SQLITE_INTEGER:
                return .integer(SQLiteInt64(truncatingIfNeeded: sqlite_nio_sqlite3_column_int64(statement, column)))
            case SQLITE_FLOAT:
                return .float(sqlite_nio_sqlite3_column_double(statement, column))
            case SQLITE_TEXT:
                let length = Int(sqlite_nio_sqlite3_column_bytes(statement, column))
                guard let text = sqlite_nio_sqlite3_column_text(statement, column) else { return .text("") }
                return .text(String(decoding: UnsafeBufferPointer(start: text, count: length), as: UTF8.self))
            case SQLITE_BLOB:
                let length = Int(sqlite_nio_sqlite3_column_bytes(statement, column))
                var buffer = ByteBufferAllocator().buffer(capacity: length)
                if let bytes = sqlite_nio_sqlite3_column_blob(statement, column) {
                    buffer.writeBytes(UnsafeRawBufferPointer(start: bytes, count: length))
                }
                return .blob(buffer)
            default:
                return .null
            }
        }
    }

    /// SQLite copies a value bound with this destructor before the bind call returns.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}
