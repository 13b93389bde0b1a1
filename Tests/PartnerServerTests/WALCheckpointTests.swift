import Fluent
import Foundation
import SQLKit
import Testing

@testable import PartnerServer

/// The background checkpoint keeps an SQLite file's WAL from growing without end under steady
/// writes: once the log is long, the writer's next batch starts it over.
@Suite("WAL checkpoint")
struct WALCheckpointTests {
    @Test func aLongLogIsStartedOverByTheWritersNextBatch() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("partneros-wal-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let app = try await PartnerOSApplication.make(
            AppConfiguration(
                database: .sqliteFile(path: directory.appendingPathComponent("p.sqlite").path), logLevel: .warning, passwordCost: 4),
            environment: .testing)
        do {
            try await app.autoMigrate()
            let writes = app.partnerOS.writes
            let db = app.db
            #expect(writes.checkpointInBackground())
            try await db.sql().raw("CREATE TABLE wal_probe (n INTEGER NOT NULL, payload BLOB NOT NULL)").run()
            let insert: @Sendable (any Database) async throws -> Void = { db in
                try await db.sql().raw("INSERT INTO wal_probe (n, payload) VALUES (1, zeroblob(8192))").run()
            }
            for _ in 0..<20 { try await writes.transaction(on: db) { try await insert($0) } }
            // Under steady writes the background copy overlaps a batch, so the next batch always
            // begins on a log that is not fully copied. The frames the copy saw are returned.
            let batch: @Sendable (WALCheckpoint) async throws -> Int = { checkpoint in
                try await writes.transaction(on: db) { batch in
                    try await insert(batch)
                    let frames = try await checkpoint.run(on: db)
                    try await insert(batch)
                    return frames
                }
            }
            let copyOnly = WALCheckpoint(writes: writes, restartFrames: .max)

            let first = try await batch(copyOnly)
            let second = try await batch(copyOnly)
            #expect(second > first, "copying alone never starts the log over")

            _ = try await batch(WALCheckpoint(writes: writes, restartFrames: 16))
            // The next batch: the writer copies the rest, and its COMMIT writes from the start of the
            // log (the copy inside it ran before its COMMIT and still saw the old log).
            let restarting = try await batch(copyOnly)
            #expect(restarting > second)
            let restarted = try await batch(copyOnly)
            #expect(restarted < first / 10, "the log started over")
            let rows = try await db.sql().raw("SELECT COUNT(*) AS n FROM wal_probe").first(decodingColumn: "n", as: Int.self)
            #expect(rows == 30)
        } catch {
            try await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }
}
