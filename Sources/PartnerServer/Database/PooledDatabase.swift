import FluentKit
import Logging
import NIOCore
import SQLKit
import SQLiteKit

/// The database the services hold: every statement, transaction and connection is taken from the
/// pool of the event loop the caller runs on (or the group's next loop), as Vapor's `req.db` is.
///
/// The services are built once, at start. Handing them `app.db` bound them all to the one event loop
/// it was resolved on: a single SQLite reader connection for the whole server (Fluent's SQLite driver
/// keeps one per loop) and one loop completing every query, while the other sat idle.
struct PooledDatabase: Database, SQLDatabase {
    private let databases: Databases
    private let eventLoopGroup: any EventLoopGroup
    private let baseLogger: Logger
    /// Resolved at start, so the configuration is known to be SQL; also the fallback should the
    /// registry be shut down while a call is under way.
    private let first: any Database & SQLDatabase

    /// The default database of `databases`, pooled over `eventLoopGroup`; on SQLite it is also an
    /// `SQLiteDatabase`, so readers can take rows straight from the driver, on the read `lanes`
    /// when the caller runs on one.
    static func make(_ databases: Databases, on eventLoopGroup: any EventLoopGroup, logger: Logger, lanes: SQLiteReadLanes? = nil) throws
        -> any Database
    {
        guard let first = databases.database(logger: logger, on: eventLoopGroup.next()) as? any Database & SQLDatabase else {
            throw StorageError.notSQL
        }
        let pooled = PooledDatabase(databases: databases, eventLoopGroup: eventLoopGroup, baseLogger: logger, first: first)
        return first is any SQLiteDatabase ? PooledSQLiteDatabase(pooled: pooled, lanes: lanes) : pooled
    }

    /// A database on the caller's event loop when it runs on one, else on the group's next loop.
    func next() -> any Database & SQLDatabase {
        (databases.database(logger: baseLogger, on: eventLoopGroup.any()) as? any Database & SQLDatabase) ?? first
    }

    // Database

    var context: DatabaseContext { first.context }
    var inTransaction: Bool { false }

    func execute(query: DatabaseQuery, onOutput: @escaping @Sendable (any DatabaseOutput) -> Void) -> EventLoopFuture<Void> {
        next().execute(query: query, onOutput: onOutput)
    }

    func execute(schema: DatabaseSchema) -> EventLoopFuture<Void> {
        next().execute(schema: schema)
    }

    func execute(enum: DatabaseEnum) -> EventLoopFuture<Void> {
        next().execute(enum: `enum`)
    }

    func transaction<T>(_ closure: @escaping @Sendable (any Database) -> EventLoopFuture<T>) -> EventLoopFuture<T> {
        next().transaction(closure)
    }

    func withConnection<T>(_ closure: @escaping @Sendable (any Database) -> EventLoopFuture<T>) -> EventLoopFuture<T> {
        next().withConnection(closure)
    }

    // SQLDatabase

    var logger: Logger { first.logger }
    var eventLoop: any EventLoop { first.eventLoop }
    var dialect: any SQLDialect { first.dialect }
    var version: (any SQLDatabaseReportedVersion)? { first.version }
    var queryLogLevel: Logger.Level? { first.queryLogLevel }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) -> EventLoopFuture<Void> {
        next().execute(sql: query, onRow)
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        try await next().execute(sql: query, onRow)
    }

    func withSession<R>(_ closure: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await next().withSession(closure)
    }
}
