import Logging
import NIOCore
import NIOPosix
import SQLKit
import SQLiteKit

/// One read connection to the SQLite file with a thread of its own (see `SQLiteReadLanes`).
///
/// The connection is an `SQLiteHandle` (statements prepared once and kept), used by tasks that
/// prefer the lane's one-thread pool: a statement runs from binding to its last row on that thread,
/// under the handle's lock, so statements of different requests on the lane never interleave.
final class SQLiteReadLane: Sendable {
    /// Runs a task's jobs on the lane's thread, where its statements run too.
    let executor: ThreadPoolExecutor
    /// SQLKit on the lane's connection.
    let sql: SQLiteHandleDatabase
    private let threadPool: NIOThreadPool

    private init(threadPool: NIOThreadPool, sql: SQLiteHandleDatabase) {
        self.threadPool = threadPool
        self.sql = sql
        executor = ThreadPoolExecutor(pool: threadPool)
    }

    /// Opens a connection to the file sqlite-kit's pool opens, with `foreign_keys` as its connections
    /// have it and the per-connection settings every connection gets. `eventLoop` only completes
    /// SQLKit's future-based calls.
    static func open(configuration: SQLiteConfiguration, on eventLoop: any EventLoop, logger: Logger) async throws -> SQLiteReadLane {
        let handle = try SQLiteHandle(location: configuration.storage.uri)
        let sql = SQLiteHandleDatabase(handle: handle, logger: logger, eventLoop: eventLoop)
        do {
            if configuration.enableForeignKeys { try sql.run("PRAGMA foreign_keys = ON", []) }
            try await SQLiteSettings.apply(on: sql)
        } catch {
            handle.close()
            throw error
        }
        let threadPool = NIOThreadPool(numberOfThreads: 1)
        threadPool.start()
        return SQLiteReadLane(threadPool: threadPool, sql: sql)
    }

    func close() async {
        // Work still queued on the lane's thread runs before the pool stops; the connection after it.
        try? await threadPool.shutdownGracefully()
        sql.handle.close()
    }
}
