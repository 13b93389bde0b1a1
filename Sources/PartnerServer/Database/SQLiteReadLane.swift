import Logging
import NIOCore
import NIOPosix
import SQLKit
import SQLiteKit
import SQLiteNIO

/// One read connection to the SQLite file with a thread of its own (see `SQLiteReadLanes`).
///
/// The connection is opened on a one-thread `NIOThreadPool`, so SQLiteNIO runs each of its
/// statements, from prepare to the last row, as one work item on that thread: statements of
/// different requests on the lane never interleave on the connection.
final class SQLiteReadLane: Sendable {
    /// Runs a task's jobs on the lane's thread, where its statements run too.
    let executor: ThreadPoolExecutor
    /// The connection, for SQLiteNIO's row queries (its concurrency path: no event-loop hop per row).
    let connection: SQLiteConnection
    /// The same connection for SQLKit, with the encoder and decoder Fluent's SQLite driver uses.
    let sql: any SQLDatabase
    private let threadPool: NIOThreadPool

    private init(threadPool: NIOThreadPool, connection: SQLiteConnection) {
        self.threadPool = threadPool
        self.connection = connection
        executor = ThreadPoolExecutor(pool: threadPool)
        sql = connection.sql()
    }

    /// Opens a connection the way sqlite-kit's pool does (same file, `foreign_keys`), with the
    /// per-connection settings every connection gets. `eventLoop` only completes the opening.
    static func open(configuration: SQLiteConfiguration, on eventLoop: any EventLoop, logger: Logger) async throws -> SQLiteReadLane {
        let threadPool = NIOThreadPool(numberOfThreads: 1)
        threadPool.start()
        do {
            let connection = try await SQLiteConnectionSource(configuration: configuration, threadPool: threadPool)
                .makeConnection(logger: logger, on: eventLoop).get()
            let lane = SQLiteReadLane(threadPool: threadPool, connection: connection)
            do {
                try await SQLiteSettings.apply(on: lane.sql)
            } catch {
                await lane.close()
                throw error
            }
            return lane
        } catch {
            try? await threadPool.shutdownGracefully()
            throw error
        }
    }

    func close() async {
        try? await connection.close()
        try? await threadPool.shutdownGracefully()
    }
}
