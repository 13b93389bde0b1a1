import NIOCore
import SQLKit
import SQLiteKit

/// SQLKit on an `SQLiteHandle`: statements serialized with SQLite's dialect, their values encoded
/// as Fluent's SQLite driver encodes them, and run at once on the calling thread — SQLKit's async
/// statements never suspend here. The writer and the read lanes use it.
struct SQLiteHandleDatabase: SQLDatabase {
    let handle: SQLiteHandle
    let logger: Logger
    /// Only completes SQLKit's future-based calls.
    let eventLoop: any EventLoop

    var dialect: any SQLDialect { SQLiteDialect() }
    var queryLogLevel: Logger.Level? { .debug }

    /// Runs `text` with `binds`, each result row to `onRow`.
    func run(_ text: String, _ binds: [SQLiteData], onRow: (SQLiteValuesRow) throws -> Void = { _ in }) throws {
        if let level = queryLogLevel { logger.log(level: level, "\(text) \(binds)") }
        try handle.execute(text, binds, onRow: onRow)
    }

    /// Serializes `query` and runs it.
    func run(_ query: any SQLExpression, onRow: (SQLiteValuesRow) throws -> Void) throws {
        var serializer = SQLSerializer(database: self)
        query.serialize(to: &serializer)
        let encoder = SQLiteDataEncoder()
        try run(serializer.sql, try serializer.binds.map { try encoder.encode($0) }, onRow: onRow)
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) -> EventLoopFuture<Void> {
        completed { try run(query) { onRow($0) } }
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        try run(query) { onRow($0) }
    }

    func withSession<R>(_ closure: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await closure(self)
    }

    /// A future-based call: the work is done before the future is made.
    func completed(_ work: () throws -> Void) -> EventLoopFuture<Void> {
        do {
            try work()
            return eventLoop.makeSucceededVoidFuture()
        } catch {
            return eventLoop.makeFailedFuture(error)
        }
    }
}

/// A database that answers the current task's statements on an `SQLiteHandle` (the writer inside a
/// batch, a request on a read lane): `RowReader` reads their rows without SQLKit's generic decoding.
protocol SQLiteHandleProvider {
    var currentHandle: SQLiteHandleDatabase? { get }
}
