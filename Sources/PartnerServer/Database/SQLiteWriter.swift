import FluentKit
import FluentSQLiteDriver
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import SQLKit
import SQLiteNIO
import Vapor

/// The one connection every SQLite write goes through, with a thread of its own.
///
/// The connection lives in a pool of one on a one-thread `NIOThreadPool`, and a write batch runs
/// as a task that prefers that same thread (`ThreadPoolExecutor`): a statement, the Swift code
/// between statements and the next statement follow each other on one thread instead of waking
/// an event loop and a cooperative thread for each. Fluent's model queries still complete through
/// an event loop: the writer has one of its own, so those completions never queue behind HTTP
/// traffic. Readers keep Fluent's pool; in WAL mode they never wait for this writer.
final class SQLiteWriter: Sendable {
    private let eventLoopGroup: MultiThreadedEventLoopGroup
    private let threadPool: NIOThreadPool
    private let executor: ThreadPoolExecutor
    private let databases: Databases
    private let database: any Database
    private let checkpointsElsewhere = NIOLockedValueBox(false)
    private let walRestartDue = NIOLockedValueBox(false)
    /// The connection the per-connection settings were last applied to, and the checkpoint mode.
    private let configured = NIOLockedValueBox<(connection: SQLiteConnection, autocheckpoint: Bool)?>(nil)

    /// Whether the WAL is checkpointed by `Application.useBackgroundCheckpoints()` rather than by the
    /// committing writer (SQLite's automatic checkpoint runs inside the COMMIT that crosses 1,000
    /// pages, fsync included, which is where the writes' 0.5–1 s tails came from).
    var checkpointsInBackground: Bool {
        get { checkpointsElsewhere.withLockedValue { $0 } }
        set { checkpointsElsewhere.withLockedValue { $0 = newValue } }
    }

    /// Asks the writer to copy the WAL itself before its next batch: a write transaction that begins
    /// on a fully copied WAL rewinds it (see `WALCheckpoint`).
    func requestWALRestart() {
        walRestartDue.withLockedValue { $0 = true }
    }

    /// Whether a restart was asked for since the last call.
    func takeWALRestart() -> Bool {
        walRestartDue.withLockedValue { due in
            defer { due = false }
            return due
        }
    }

    init(configuration: SQLiteConfiguration, logger: Logger) throws {
        eventLoopGroup = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let eventLoop = eventLoopGroup.next()
        threadPool = NIOThreadPool(numberOfThreads: 1)
        threadPool.start()
        executor = ThreadPoolExecutor(pool: threadPool)
        databases = Databases(threadPool: threadPool, on: eventLoop)
        databases.use(.sqlite(configuration, maxConnectionsPerEventLoop: 1), as: .sqlite)
        guard let database = databases.database(logger: logger, on: eventLoop) else { throw StorageError.notSQL }
        self.database = database
    }

    /// Runs `body` on the writer's connection and thread (no transaction is opened here).
    func run<T: Sendable>(_ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        let executor = self.executor
        return try await database.withConnection { connectionBound in
            try await withTaskExecutorPreference(executor) {
                let writerDatabase = try Self.writerDatabase(for: connectionBound)
                try await self.configure(writerDatabase)
                return try await body(writerDatabase)
            }
        }
    }

    /// Applies the per-connection settings when the pool hands out a connection that does not have
    /// them yet (sqlite-kit sets only `foreign_keys` on the connections it opens) or the checkpoint
    /// mode changed: once per connection, not four statements before every batch.
    private func configure(_ database: WriterDatabase) async throws {
        let autocheckpoint = !checkpointsInBackground
        let current = configured.withLockedValue { last in
            last.map { $0.connection === database.connection && $0.autocheckpoint == autocheckpoint } ?? false
        }
        guard !current else { return }
        try await SQLiteSettings.apply(on: database as any Database, autocheckpoint: autocheckpoint)
        configured.withLockedValue { $0 = (database.connection, autocheckpoint) }
    }

    func shutdown() async throws {
        await databases.shutdownAsync()
        try await threadPool.shutdownGracefully()
        try await eventLoopGroup.shutdownGracefully()
    }

    /// The connection-bound Fluent database with its `SQLiteConnection`: Fluent's SQLite database
    /// hands out its connection synchronously once it is bound to one.
    private static func writerDatabase(for database: any Database) throws -> WriterDatabase {
        guard let sql = database as? any Database & SQLDatabase, let sqlite = database as? any SQLiteDatabase else {
            throw StorageError.notSQL
        }
        let found = NIOLockedValueBox<SQLiteConnection?>(nil)
        _ = sqlite.withConnection { connection -> EventLoopFuture<Void> in
            found.withLockedValue { $0 = connection }
            return connection.eventLoop.makeSucceededVoidFuture()
        }
        guard let connection = found.withLockedValue({ $0 }) else { throw StorageError.notSQL }
        return WriterDatabase(fluent: sql, connection: connection)
    }
}

extension SQLiteWriter: LifecycleHandler {
    func shutdownAsync(_ application: Application) async {
        do {
            try await shutdown()
        } catch {
            application.logger.warning("The SQLite writer did not stop cleanly: \(error)")
        }
    }
}
