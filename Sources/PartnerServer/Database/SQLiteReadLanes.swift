import Logging
import NIOConcurrencyHelpers
import NIOCore
import SQLiteKit
import Vapor

/// The SQLite read connections a reading request (GET, HEAD: `ReadLaneMiddleware`) runs on, one
/// thread each, from authentication to the encoding of its response.
///
/// Through Fluent's pool every statement crossed four threads: the request's task asked an event
/// loop for the connection, the loop handed the statement to the shared thread pool, each row went
/// back to the loop as a task of its own, and the loop resumed the request's task on the cooperative
/// pool. A dashboard runs about ten statements, so those wake-ups cost as much as the statements.
/// On a lane the request's task prefers the lane's thread (`ThreadPoolExecutor`, as the writer
/// does) and its statements run on the lane's connection (`SQLiteHandle`, statements prepared once
/// and kept) right there: the statement and the Swift code around it run back to back on one thread.
///
/// A request takes the lane with the fewest requests in flight, so one long statement holds up
/// only the requests that share its lane. Reads only: writes still queue for the writer
/// (`WriteSerializer`); transactions, Fluent's model queries and write requests use the pool.
final class SQLiteReadLanes: Sendable {
    /// The lane the current task runs on; set by `run`.
    @TaskLocal static var current: SQLiteReadLane?

    private let lanes: [SQLiteReadLane]
    private let inFlight: NIOLockedValueBox<[Int]>

    private init(lanes: [SQLiteReadLane]) {
        self.lanes = lanes
        inFlight = NIOLockedValueBox(Array(repeating: 0, count: lanes.count))
    }

    /// Opens `count` lanes (at least one) on the file of `configuration`.
    static func open(configuration: SQLiteConfiguration, count: Int, on eventLoop: any EventLoop, logger: Logger) async throws
        -> SQLiteReadLanes
    {
        var lanes: [SQLiteReadLane] = []
        do {
            for _ in 0..<max(1, count) {
                lanes.append(try await SQLiteReadLane.open(configuration: configuration, on: eventLoop, logger: logger))
            }
        } catch {
            for lane in lanes { await lane.close() }
            throw error
        }
        return SQLiteReadLanes(lanes: lanes)
    }

    var count: Int { lanes.count }

    /// Runs `body` on the least busy lane: its task prefers the lane's thread, and the services'
    /// reads use the lane's connection.
    func run<T: Sendable>(_ body: () async throws -> T) async throws -> T {
        let index = take()
        defer { release(index) }
        let lane = lanes[index]
        return try await withTaskExecutorPreference(lane.executor) {
            try await Self.$current.withValue(lane) { try await body() }
        }
    }

    /// The lane the current task runs on, when it is one of these (a test may run two
    /// applications in one process; neither reads on the other's lanes).
    var currentLane: SQLiteReadLane? {
        guard let lane = Self.current, lanes.contains(where: { $0 === lane }) else { return nil }
        return lane
    }

    func shutdown() async {
        for lane in lanes { await lane.close() }
    }

    private func take() -> Int {
        inFlight.withLockedValue { counts in
            var best = 0
            for index in counts.indices where counts[index] < counts[best] { best = index }
            counts[best] += 1
            return best
        }
    }

    private func release(_ index: Int) {
        inFlight.withLockedValue { $0[index] -= 1 }
    }
}

extension SQLiteReadLanes: LifecycleHandler {
    func shutdownAsync(_ application: Application) async {
        await shutdown()
    }
}
