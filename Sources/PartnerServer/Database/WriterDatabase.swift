import FluentKit
import NIOCore
import SQLKit
import SQLiteNIO

/// The database a queued SQLite write runs on: Fluent's view of the writer's connection, already
/// inside the batch's `BEGIN IMMEDIATE`.
///
/// It forwards to that connection-bound Fluent database, but answers SQLiteNIO's row queries on the
/// connection itself (its Concurrency path, without an event-loop hop per row), reports that it is
/// in a transaction, and runs nested `transaction` / `withConnection` calls inline, so a service
/// that asks for its own transaction joins the batch's.
struct WriterDatabase: Database, SQLDatabase, SQLiteDatabase {
    private let fluent: any Database & SQLDatabase
    let connection: SQLiteConnection

    init(fluent: any Database & SQLDatabase, connection: SQLiteConnection) {
        self.fluent = fluent
        self.connection = connection
    }

    // Database

    var context: DatabaseContext { fluent.context }
    var inTransaction: Bool { true }

    func execute(query: DatabaseQuery, onOutput: @escaping @Sendable (any DatabaseOutput) -> Void) -> EventLoopFuture<Void> {
        fluent.execute(query: query, onOutput: onOutput)
    }

    func execute(schema: DatabaseSchema) -> EventLoopFuture<Void> {
        fluent.execute(schema: schema)
    }

    func execute(enum: DatabaseEnum) -> EventLoopFuture<Void> {
        fluent.execute(enum: `enum`)
    }

    func transaction<T>(_ closure: @escaping @Sendable (any Database) -> EventLoopFuture<T>) -> EventLoopFuture<T> {
        closure(self)
    }

    func withConnection<T>(_ closure: @escaping @Sendable (any Database) -> EventLoopFuture<T>) -> EventLoopFuture<T> {
        closure(self)
    }

    // SQLDatabase

    var logger: Logger { fluent.logger }
    var eventLoop: any EventLoop { connection.eventLoop }
    var dialect: any SQLDialect { fluent.dialect }
    var version: (any SQLDatabaseReportedVersion)? { fluent.version }
    var queryLogLevel: Logger.Level? { fluent.queryLogLevel }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) -> EventLoopFuture<Void> {
        fluent.execute(sql: query, onRow)
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        try await fluent.execute(sql: query, onRow)
    }

    func withSession<R>(_ closure: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await closure(self)
    }

    // SQLiteDatabase

    func query(_ query: String, _ binds: [SQLiteData], logger: Logger, _ onRow: @escaping @Sendable (SQLiteRow) -> Void)
        -> EventLoopFuture<Void>
    {
        connection.query(query, binds, logger: logger, onRow)
    }

    func query(_ query: String, _ binds: [SQLiteData], _ onRow: @escaping @Sendable (SQLiteRow) -> Void) async throws {
        try await connection.query(query, binds, onRow)
    }

    func withConnection<T>(_ closure: @escaping @Sendable (SQLiteConnection) -> EventLoopFuture<T>) -> EventLoopFuture<T> {
        closure(connection)
    }

    func withConnection<T>(_ closure: @escaping @Sendable (SQLiteConnection) async throws -> T) async throws -> T {
        try await closure(connection)
    }
}
