import Fluent
import Foundation
import NIOCore
import SQLKit
import SQLiteKit
import Testing

@testable import PartnerServer

/// The services' database takes each connection from the pool of the event loop the caller runs
/// on, so reads use every loop's connections instead of the one loop the app was configured on.
@Suite("Pooled database")
struct PooledDatabaseTests {
    private static func loopOfConnection(_ db: any Database) async throws -> ObjectIdentifier {
        try await db.withConnection { connection in
            connection.eventLoop.makeSucceededFuture(ObjectIdentifier(connection.eventLoop))
        }.get()
    }

    @Test func aCallOnAnEventLoopUsesThatLoopsConnection() async throws {
        try await withTestApp { world in
            let app = world.app
            let db = try PooledDatabase.make(app.databases, on: app.eventLoopGroup, logger: app.logger)
            for loop in app.eventLoopGroup.makeIterator() {
                let used = try await loop.flatSubmit {
                    db.withConnection { connection in connection.eventLoop.makeSucceededFuture(ObjectIdentifier(connection.eventLoop)) }
                }.get()
                #expect(used == ObjectIdentifier(loop))
            }
        }
    }

    @Test func callsFromTasksAreSpreadOverEveryLoop() async throws {
        try await withTestApp { world in
            let app = world.app
            let db = try PooledDatabase.make(app.databases, on: app.eventLoopGroup, logger: app.logger)
            let loops = Set(app.eventLoopGroup.makeIterator().map { ObjectIdentifier($0) })
            var used: Set<ObjectIdentifier> = []
            for _ in 0..<(loops.count * 4) { used.insert(try await Self.loopOfConnection(db)) }
            #expect(used == loops)
            // Each call's statement still runs and returns its rows.
            let one = try await db.sql().raw("SELECT 1 AS one").first(decodingColumn: "one", as: Int.self)
            #expect(one == 1)
        }
    }

    @Test func onSQLiteItIsAnSQLiteDatabaseForRowReader() async throws {
        try await withTestApp { world in
            let app = world.app
            let db = try PooledDatabase.make(app.databases, on: app.eventLoopGroup, logger: app.logger)
            #expect((db is any SQLiteDatabase) == app.db.isSQLite)
            let partner = try await world.partner("Pooled Reader GmbH")
            let rows = try await RowReader.all("SELECT company_name AS \"name\" FROM partners", on: db)
            #expect(try rows.map { try $0.string("name") }.contains(partner.companyName))
        }
    }
}
