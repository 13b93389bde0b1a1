import FluentKit
import FluentSQLiteDriver
import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import SQLKit
import Vapor

/// The one connection every SQLite write goes through, with a thread of its own.
///
/// The connection (`SQLiteHandle`, statements prepared once and kept) is used from a task that
/// prefers the writer's one-thread pool (`ThreadPoolExecutor`): a batch's statements and the Swift
/// code between them run back to back on that thread, without waking another per statement. Only
/// Fluent's future-based model queries still complete through an event loop: the writer has one of
/// its own, so those completions never queue behind HTTP traffic. Readers keep their own
/// connections; in WAL mode they never wait for this writer.
final class SQLiteWriter: Sendable {
    private let eventLoopGroup: MultiThreadedEventLoopGroup
    private let threadPool: NIOThreadPool
    private let executor: ThreadPoolExecutor
    private let handle: SQLiteHandle
    private let context: DatabaseContext
    private let checkpointsElsewhere = NIOLockedValueBox(false)
    private let walRestartDue = NIOLockedValueBox(false)
    /// The checkpoint mode last applied to the connection (nil: none yet).
    private let appliedAutocheckpoint = NIOLockedValueBox<Bool?>(nil)

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

    /// Opens the writer's connection to the file `configuration` names (the same file sqlite-kit's
    /// pool opens), with foreign keys enforced when the configuration asks for them. Model queries
    /// run with `fluent`'s model middleware.
    init(configuration: SQLiteConfiguration, fluent: (any DatabaseConfiguration)? = nil, logger: Logger) throws {
        handle = try SQLiteHandle(location: configuration.storage.uri)
        if configuration.enableForeignKeys { try handle.execute("PRAGMA foreign_keys = ON", []) }
        eventLoopGroup = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        threadPool = NIOThreadPool(numberOfThreads: 1)
        threadPool.start()
        executor = ThreadPoolExecutor(pool: threadPool)
        context = DatabaseContext(
            configuration: fluent ?? DatabaseConfigurationFactory.sqlite(configuration).make(),
            logger: logger, eventLoop: eventLoopGroup.next())
    }

    /// Runs `body` on the writer's connection and thread (no transaction is opened here). One call
    /// at a time: the commit queue is the writer's only caller.
    func run<T: Sendable>(_ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        let database = WriterDatabase(handle: handle, context: context)
        return try await withTaskExecutorPreference(executor) {
            try await self.configure(database)
            return try await body(database)
        }
    }

    /// Applies the per-connection settings before the first batch, and the checkpoint mode again
    /// when it changed: not four statements before every batch.
    private func configure(_ database: WriterDatabase) async throws {
        let autocheckpoint = !checkpointsInBackground
        guard appliedAutocheckpoint.withLockedValue({ $0 }) != autocheckpoint else { return }
        try await SQLiteSettings.apply(on: database as any SQLDatabase, autocheckpoint: autocheckpoint)
        appliedAutocheckpoint.withLockedValue { $0 = autocheckpoint }
    }

    func shutdown() async throws {
        // The pool runs the last queued work before it stops; the connection closes after it.
        try await threadPool.shutdownGracefully()
        handle.close()
        try await eventLoopGroup.shutdownGracefully()
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

extension SQLiteConfiguration.Storage {
    /// The file URI sqlite-kit opens for this storage (an in-memory database is a temporary file).
    var uri: String {
        switch self {
        case .memory(let identifier):
            return URL(fileURLWithPath: TemporaryDatabaseCleanup.path(for: identifier)).absoluteString
        case .file(let path):
            return path.hasPrefix("file:") ? path : URL(fileURLWithPath: path, isDirectory: false).absoluteString
        }
    }
}
