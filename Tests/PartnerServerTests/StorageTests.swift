import Fluent
import FluentSQLiteDriver
import Foundation
import SQLKit
import Testing
import Vapor

@testable import PartnerServer

@Suite("Storage setup")
struct StorageTests {
    private struct Pragma: Decodable {
        let value: String
    }

    private func pragma(_ name: String, on database: any Database) async throws -> String {
        let row = try #require(try await database.sql().raw("PRAGMA \(unsafeRaw: name)").first())
        let columns = row.allColumns
        let column = try #require(columns.first)
        if let text = try? row.decode(column: column, as: String.self) { return text }
        return String(try row.decode(column: column, as: Int.self))
    }

    @Test func sqliteFilesUseWALNormalSyncForeignKeysAndABusyTimeout() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("partneros-storage-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("nested/partneros.sqlite").path
        let app = try await PartnerOSApplication.make(
            AppConfiguration(database: .sqliteFile(path: path), logLevel: .warning, passwordCost: 4), environment: .testing)
        do {
            try await app.autoMigrate()
            #expect(FileManager.default.fileExists(atPath: path))
            for eventLoop in app.eventLoopGroup.makeIterator() {
                let database = try #require(app.databases.database(logger: app.logger, on: eventLoop))
                #expect(try await pragma("journal_mode", on: database) == "wal")
                #expect(try await pragma("synchronous", on: database) == "1")
                #expect(try await pragma("foreign_keys", on: database) == "1")
                #expect(try await pragma("busy_timeout", on: database) == "5000")
            }
            // A connection the pool opens later (here: after the first is closed) writes with the
            // same settings: sqlite-kit itself sets only foreign_keys on it.
            let database = try #require(app.databases.database(logger: app.logger, on: app.eventLoopGroup.any()))
            try await #require(database as? any SQLiteDatabase).withConnection { $0.close() }.get()
            let settings = try await app.partnerOS.writes.transaction(on: database) { db in
                [
                    try await pragma("busy_timeout", on: db), try await pragma("synchronous", on: db),
                    try await pragma("foreign_keys", on: db),
                ]
            }
            #expect(settings == ["5000", "1", "1"])
        } catch {
            try await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }

    @Test func theWriterSettlesItsConnectionOnceAndAgainWhenTheCheckpointModeChanges() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("partneros-writer-\(UUID().uuidString).sqlite").path
        defer {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        let writer = try SQLiteWriter(configuration: .init(storage: .file(path: path)), logger: Logger(label: "writer-test"))
        do {
            let settings = try await writer.run { database in
                [
                    try await pragma("busy_timeout", on: database), try await pragma("synchronous", on: database),
                    try await pragma("foreign_keys", on: database), try await pragma("wal_autocheckpoint", on: database),
                ]
            }
            #expect(settings == ["5000", "1", "1", "1000"])
            // Changed behind the writer's back: the writer does not apply the settings before every batch…
            try await writer.run { try await $0.sql().raw("PRAGMA busy_timeout=10").run() }
            #expect(try await writer.run { try await pragma("busy_timeout", on: $0) } == "10")
            // …but does when the checkpoints move to the background loop.
            writer.checkpointsInBackground = true
            let moved = try await writer.run { database in
                [try await pragma("wal_autocheckpoint", on: database), try await pragma("busy_timeout", on: database)]
            }
            #expect(moved == ["0", "5000"])
        } catch {
            try await writer.shutdown()
            throw error
        }
        try await writer.shutdown()
    }

    @Test func inMemoryDatabasesLeaveNoFileBehind() async throws {
        let app = try await PartnerOSApplication.make(
            AppConfiguration(database: .sqliteMemory, logLevel: .warning, passwordCost: 4), environment: .testing)
        try await app.autoMigrate()
        let row = try #require(try await app.db.sql().raw("SELECT file FROM pragma_database_list WHERE name = 'main'").first())
        let path = try row.decode(column: "file", as: String.self)
        #expect(path.contains("memorydb"))
        #expect(FileManager.default.fileExists(atPath: path))
        try await app.asyncShutdown()
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
    }

    @Test func documentsAreReplacedAtomically() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("partneros-docs-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = DocumentStore(dataDirectory: directory)
        let (partner, document) = (UUID(), UUID())
        try store.write(Data("%PDF-first".utf8), partnerID: partner, documentID: document)
        try store.write(Data("%PDF-second".utf8), partnerID: partner, documentID: document)
        #expect(try store.read(partnerID: partner, documentID: document) == Data("%PDF-second".utf8))
        let files = try FileManager.default.contentsOfDirectory(atPath: directory + "/contracts/" + partner.apiString)
        #expect(files == [document.apiString + ".pdf"])
    }

    @Test func migrationsRevertAndReapplyCleanly() async throws {
        try await withTestApp { world in
            _ = try await world.partner("Before Revert")
            try await world.app.autoRevert()
            try await world.app.autoMigrate()
            #expect(try await PartnerRecord.query(on: world.app.db).count() == 0)
            #expect(try await PartnerTierRecord.query(on: world.app.db).count() == 7)
        }
    }

    @Test func theSuiteRunsOnTheDatabaseItWasAskedFor() async throws {
        try await withTestApp { world in
            let dialect = try world.app.db.sql().dialect.name
            let expected = ProcessInfo.processInfo.environment["PARTNEROS_TEST_DATABASE_URL"].map { _ in "postgresql" } ?? "sqlite"
            #expect(dialect == expected)
        }
    }
}
