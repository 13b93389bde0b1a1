import Fluent
import Foundation
import HTTPTypes
import Logging
import NIOPosix
import OpenAPIRuntime
import SQLKit
import SQLiteKit
import Testing

@testable import PartnerServer

/// Requests read on SQLite through lanes: a connection with a thread each. A task on a lane reads
/// on the lane's connection (a TEMP table, private to one connection, shows which one answered),
/// concurrent requests are spread over the lanes, and a lane of another application is never used.
@Suite("SQLite read lanes")
struct SQLiteReadLanesTests {
    private struct Count: Decodable { let n: Int }

    private static func lanes(of world: TestWorld) throws -> SQLiteReadLanes? {
        guard world.app.db.isSQLite else { return nil }
        return try #require((world.services.performance.database as? PooledSQLiteDatabase)?.lanes)
    }

    @Test func aTaskOnALaneReadsOnTheLanesConnection() async throws {
        try await withTestApp { world in
            guard let lanes = try Self.lanes(of: world) else { return }
            let database = world.services.performance.database
            let partner = try await world.partner("Lane Reader GmbH")
            try await lanes.run {
                let lane = try #require(lanes.currentLane)
                try await lane.sql.raw("CREATE TEMP TABLE lane_marker (n INTEGER)").run()
                try await lane.sql.raw("INSERT INTO lane_marker (n) VALUES (7)").run()
                // SQLKit statements and RowReader's rows both reach the lane's connection…
                let viaSQLKit = try await database.sql().raw("SELECT n FROM temp.lane_marker").first(decoding: Count.self)
                #expect(viaSQLKit?.n == 7)
                let viaRows = try await RowReader.all("SELECT n AS \"n\" FROM temp.lane_marker", on: database)
                #expect(try viaRows.map { try $0.int("n") } == [7])
                // …which keeps the statements it compiled: the same read again compiles nothing.
                let kept = lane.sql.handle.cachedStatementCount
                _ = try await RowReader.all("SELECT n AS \"n\" FROM temp.lane_marker", on: database)
                #expect(lane.sql.handle.cachedStatementCount == kept)
                // …and see the shared file like any other connection.
                let names = try await RowReader.all("SELECT company_name AS \"name\" FROM partners", on: database)
                #expect(try names.map { try $0.string("name") }.contains(partner.companyName))
            }
            // Off the lane the pool answers, whose connections have no such table.
            await #expect(throws: (any Error).self) {
                try await database.sql().raw("SELECT n FROM temp.lane_marker").run()
            }
        }
    }

    @Test func concurrentRequestsTakeDifferentLanes() async throws {
        try await withTestApp { world in
            guard let lanes = try Self.lanes(of: world), lanes.count >= 2 else { return }
            // The first request holds its lane until the second has taken one.
            let (started, start) = AsyncStream.makeStream(of: ObjectIdentifier?.self)
            let (released, release) = AsyncStream.makeStream(of: Void.self)
            let first = Task {
                try await lanes.run {
                    start.yield(lanes.currentLane.map(ObjectIdentifier.init))
                    for await _ in released { break }
                }
            }
            var firstLanes = started.makeAsyncIterator()
            let firstLane = await firstLanes.next() ?? nil
            let secondLane = try await lanes.run { lanes.currentLane.map(ObjectIdentifier.init) }
            release.yield()
            try await first.value
            #expect(firstLane != nil && secondLane != nil)
            #expect(firstLane != secondLane)
        }
    }

    @Test func readingOperationsRunOnALaneAndWritesDoNot() async throws {
        try await withTestApp { world in
            guard let lanes = try Self.lanes(of: world) else { return }
            let middleware = ReadLaneMiddleware(lanes: lanes)
            for (method, onLane) in [(HTTPRequest.Method.get, true), (.head, true), (.post, false), (.patch, false), (.delete, false)] {
                let request = HTTPRequest(method: method, scheme: "http", authority: "127.0.0.1", path: "/api/v1/auth/me")
                let (response, _) = try await middleware.intercept(request, body: nil, metadata: .init(), operationID: "probe") { _, _, _ in
                    (HTTPResponse(status: lanes.currentLane == nil ? .accepted : .ok), nil)
                }
                #expect(response.status == (onLane ? .ok : .accepted), "\(method)")
            }
        }
    }

    @Test func lanesOfAnotherApplicationAreNotUsed() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("partneros-lanes-\(UUID().uuidString).sqlite").path
        defer {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        let configuration = SQLiteConfiguration(storage: .file(path: path))
        let loop = MultiThreadedEventLoopGroup.singleton.next()
        let logger = Logger(label: "lanes-test")
        let ours = try await SQLiteReadLanes.open(configuration: configuration, count: 2, on: loop, logger: logger)
        let theirs = try await SQLiteReadLanes.open(configuration: configuration, count: 1, on: loop, logger: logger)
        do {
            #expect(ours.count == 2 && ours.currentLane == nil)
            try await theirs.run {
                #expect(theirs.currentLane != nil)
                #expect(ours.currentLane == nil)
                // Every lane has the settings every connection gets.
                let lane = try #require(theirs.currentLane)
                let timeout = try await lane.sql.raw("PRAGMA busy_timeout").first()?.decode(column: "timeout", as: Int.self)
                #expect(timeout == SQLiteSettings.busyTimeoutMilliseconds)
            }
        } catch {
            await ours.shutdown()
            await theirs.shutdown()
            throw error
        }
        await ours.shutdown()
        await theirs.shutdown()
    }

    @Test func theNumberOfLanesComesFromTheEnvironmentWithinBounds() throws {
        let options = try StorageOptions.parse([])
        #expect(try options.configuration(environment: [:]).sqliteReadLanes >= 2)
        #expect(try options.configuration(environment: ["PARTNEROS_SQLITE_READ_LANES": "3"]).sqliteReadLanes == 3)
        #expect(try options.configuration(environment: ["PARTNEROS_SQLITE_READ_LANES": "0"]).sqliteReadLanes == 0)
        for bad in ["-1", "65", "three", ""] {
            #expect(throws: ConfigurationError.self) {
                try options.configuration(environment: ["PARTNEROS_SQLITE_READ_LANES": bad])
            }
        }
    }
}
