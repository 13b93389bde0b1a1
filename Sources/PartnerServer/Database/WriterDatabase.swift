import FluentKit
import FluentSQL
import NIOCore
import SQLKit

/// The database a queued SQLite write runs on: the writer's own connection, already inside the
/// batch's `BEGIN IMMEDIATE`.
///
/// SQLKit statements and Fluent's model queries are both serialized here and run on the writer's
/// `SQLiteHandle` at once, on the calling thread (the writer's: the batch's task prefers it), with
/// statements prepared once and kept. It reports that it is in a transaction and runs nested
/// `transaction` / `withConnection` calls inline, so a service that asks for its own transaction
/// joins the batch's.
struct WriterDatabase: Database, SQLDatabase, SQLiteHandleProvider {
    let sql: SQLiteHandleDatabase
    let context: DatabaseContext

    init(handle: SQLiteHandle, context: DatabaseContext) {
        sql = SQLiteHandleDatabase(handle: handle, logger: context.logger, eventLoop: context.eventLoop)
        self.context = context
    }

    var currentHandle: SQLiteHandleDatabase? { sql }
    var inTransaction: Bool { true }

    // Database

    func execute(query: DatabaseQuery, onOutput: @escaping @Sendable (any DatabaseOutput) -> Void) -> EventLoopFuture<Void> {
        var converted = SQLQueryConverter(delegate: SQLiteConverterDelegate()).convert(query)
        // A created row answers with its identifier, as Fluent's SQLite driver asks for it.
        if case .create = query.action, query.customIDKey != .some(.string("")) {
            converted = SQLKit.SQLList([converted, SQLReturning(.init((query.customIDKey ?? .id).description))], separator: SQLRaw(" "))
        }
        return sql.completed { try sql.run(converted) { onOutput(SQLRowOutput(row: $0, schema: nil)) } }
    }

    func execute(schema: DatabaseSchema) -> EventLoopFuture<Void> {
        sql.completed { try sql.run(SQLSchemaConverter(delegate: SQLiteConverterDelegate()).convert(schema)) { _ in } }
    }

    func execute(enum: DatabaseEnum) -> EventLoopFuture<Void> {
        eventLoop.makeSucceededVoidFuture()
    }

    func transaction<T>(_ closure: @escaping @Sendable (any Database) -> EventLoopFuture<T>) -> EventLoopFuture<T> {
        closure(self)
    }

    func withConnection<T>(_ closure: @escaping @Sendable (any Database) -> EventLoopFuture<T>) -> EventLoopFuture<T> {
        closure(self)
    }

    // SQLDatabase

    var logger: Logger { context.logger }
    var eventLoop: any EventLoop { context.eventLoop }
    var dialect: any SQLDialect { sql.dialect }
    var queryLogLevel: Logger.Level? { sql.queryLogLevel }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) -> EventLoopFuture<Void> {
        sql.execute(sql: query, onRow)
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        try await sql.execute(sql: query, onRow)
    }

    func withSession<R>(_ closure: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await closure(self)
    }
}
