import FluentKit
import Logging
import NIOCore
import SQLKit
import SQLiteKit
import SQLiteNIO

/// `PooledDatabase` on SQLite: also an `SQLiteDatabase`, so `RowReader` reads rows straight from the
/// driver on whichever loop's connection the call is given. A task running on one of the read
/// lanes (`SQLiteReadLanes`) has its SQL statements and `RowReader`'s rows answered on the lane's
/// connection instead; Fluent's model queries, transactions and leased connections keep the pool.
struct PooledSQLiteDatabase: Database, SQLDatabase, SQLiteDatabase, SQLiteHandleProvider {
    let pooled: PooledDatabase
    let lanes: SQLiteReadLanes?

    private func nextSQLite() -> (any SQLiteDatabase)? {
        pooled.next() as? any SQLiteDatabase
    }

    /// The lane's connection when the current task runs on one of the read lanes.
    var currentHandle: SQLiteHandleDatabase? { lanes?.currentLane?.sql }

    // Database

    var context: DatabaseContext { pooled.context }
    var inTransaction: Bool { false }

    func execute(query: DatabaseQuery, onOutput: @escaping @Sendable (any DatabaseOutput) -> Void) -> EventLoopFuture<Void> {
        pooled.execute(query: query, onOutput: onOutput)
    }

    func execute(schema: DatabaseSchema) -> EventLoopFuture<Void> {
        pooled.execute(schema: schema)
    }

    func execute(enum: DatabaseEnum) -> EventLoopFuture<Void> {
        pooled.execute(enum: `enum`)
    }

    func transaction<T>(_ closure: @escaping @Sendable (any Database) -> EventLoopFuture<T>) -> EventLoopFuture<T> {
        pooled.transaction(closure)
    }

    func withConnection<T>(_ closure: @escaping @Sendable (any Database) -> EventLoopFuture<T>) -> EventLoopFuture<T> {
        pooled.withConnection(closure)
    }

    // SQLDatabase

    var logger: Logger { pooled.logger }
    var eventLoop: any EventLoop { pooled.eventLoop }
    var dialect: any SQLDialect { pooled.dialect }
    var version: (any SQLDatabaseReportedVersion)? { pooled.version }
    var queryLogLevel: Logger.Level? { pooled.queryLogLevel }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) -> EventLoopFuture<Void> {
        pooled.execute(sql: query, onRow)
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        if let lane = lanes?.currentLane {
            try await lane.sql.execute(sql: query, onRow)
        } else {
            try await pooled.execute(sql: query, onRow)
        }
    }

    func withSession<R>(_ closure: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await pooled.withSession(closure)
    }

    // SQLiteDatabase

    func query(_ query: String, _ binds: [SQLiteData], logger: Logger, _ onRow: @escaping @Sendable (SQLiteRow) -> Void)
        -> EventLoopFuture<Void>
    {
        guard let sqlite = nextSQLite() else { return eventLoop.makeFailedFuture(StorageError.notSQL) }
        return sqlite.query(query, binds, logger: logger, onRow)
    }

    func query(_ query: String, _ binds: [SQLiteData], _ onRow: @escaping @Sendable (SQLiteRow) -> Void) async throws {
        guard let sqlite = nextSQLite() else { throw StorageError.notSQL }
        try await sqlite.query(query, binds, onRow)
    }

    func withConnection<T>(_ closure: @escaping @Sendable (SQLiteConnection) -> EventLoopFuture<T>) -> EventLoopFuture<T> {
        guard let sqlite = nextSQLite() else { return eventLoop.makeFailedFuture(StorageError.notSQL) }
        return sqlite.withConnection(closure)
    }
}
