import Fluent
import Foundation
import SQLKit
import Testing

@testable import PartnerServer

/// Writes queued behind one another are committed together on SQLite, each answered only after
/// the COMMIT of its batch, and one that fails rolls back nothing but its own work.
@Suite("Group commit")
struct GroupCommitTests {
    private struct Failure: Error {}
    private struct Row: Decodable { let n: Int }

    private func prepare(_ world: TestWorld) async throws {
        try await world.app.db.sql().raw("CREATE TABLE commit_probe (n INTEGER NOT NULL)").run()
    }

    private func numbers(_ world: TestWorld) async throws -> Set<Int> {
        Set(try await world.app.db.sql().raw("SELECT n FROM commit_probe").all(decoding: Row.self).map(\.n))
    }

    @Test func concurrentWritesAreAllCommittedAndVisibleOnceAnswered() async throws {
        try await withTestApp { world in
            try await prepare(world)
            let writes = world.services.writes
            let db = world.app.db
            let answered = try await withThrowingTaskGroup(of: Int.self) { group in
                for n in 0..<200 {
                    group.addTask {
                        let value = try await writes.transaction(on: db) { db in
                            try await db.sql().raw("INSERT INTO commit_probe (n) VALUES (\(bind: n))").run()
                            return n
                        }
                        // Answered means committed: any connection sees the row now.
                        let seen = try await db.sql().raw("SELECT n FROM commit_probe WHERE n = \(bind: n)").all(decoding: Row.self)
                        #expect(seen.count == 1)
                        return value
                    }
                }
                return try await group.reduce(into: Set<Int>()) { $0.insert($1) }
            }
            #expect(answered == Set(0..<200))
            #expect(try await numbers(world) == Set(0..<200))
            if db.isSQLite {
                let statistics = await writes.statistics()
                #expect(statistics.transactions >= 200)
                #expect(statistics.batches < statistics.transactions, "queued writes share commits")
            }
        }
    }

    @Test func aFailingWriteRollsBackOnlyItsOwnWork() async throws {
        try await withTestApp { world in
            try await prepare(world)
            let writes = world.services.writes
            let db = world.app.db
            let outcomes = await withTaskGroup(of: (Int, Bool).self) { group in
                for n in 0..<60 {
                    group.addTask {
                        do {
                            _ = try await writes.transaction(on: db) { db in
                                try await db.sql().raw("INSERT INTO commit_probe (n) VALUES (\(bind: n))").run()
                                if n % 3 == 0 { throw Failure() }
                                return n
                            }
                            return (n, true)
                        } catch {
                            return (n, false)
                        }
                    }
                }
                return await group.reduce(into: [Int: Bool]()) { $0[$1.0] = $1.1 }
            }
            #expect(outcomes.filter(\.value).keys.sorted() == (0..<60).filter { $0 % 3 != 0 })
            #expect(try await numbers(world) == Set((0..<60).filter { $0 % 3 != 0 }))
        }
    }

    @Test func aWriteReadsItsOwnRowsAndANestedTransactionJoinsIt() async throws {
        try await withTestApp { world in
            try await prepare(world)
            let db = world.app.db
            await #expect(throws: Failure.self) {
                _ = try await world.services.writes.transaction(on: db) { db -> Int in
                    #expect(db.inTransaction)
                    try await db.transaction { nested in
                        try await nested.sql().raw("INSERT INTO commit_probe (n) VALUES (7)").run()
                    }
                    let rows = try await RowReader.all("SELECT n FROM commit_probe", on: db)
                    #expect(try rows.map { try $0.int("n") } == [7])
                    throw Failure()
                }
            }
            #expect(try await numbers(world).isEmpty, "the nested transaction was the write's own and rolled back with it")
        }
    }

    /// With checkpoints handed to the background loop the writer commits without SQLite's automatic
    /// checkpoint; before, it keeps SQLite's default. PostgreSQL has no WAL checkpoints to move.
    @Test func theWriterLeavesCheckpointsToTheBackgroundLoopOnceAsked() async throws {
        try await withTestApp { world in
            let writes = world.services.writes
            let db = world.app.db
            guard db.isSQLite else {
                #expect(!writes.checkpointInBackground())
                return
            }
            let pages: @Sendable () async throws -> Int = {
                try await writes.transaction(on: db) { db in
                    try await RowReader.all("PRAGMA wal_autocheckpoint", on: db).first?.int("wal_autocheckpoint") ?? -1
                }
            }
            let before = try await pages()
            #expect(before == SQLiteSettings.autocheckpointPages)
            #expect(writes.checkpointInBackground())
            let after = try await pages()
            #expect(after == 0)
        }
    }
}
