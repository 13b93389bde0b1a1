import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import SQLKit
import Vapor

extension Application {
    /// Configures the database from the location, applies the per-database settings and returns how
    /// writes reach it (on SQLite through one writer connection with a thread of its own) and, on
    /// SQLite, the read lanes requests run on.
    func useStorage(_ configuration: AppConfiguration) async throws -> (writes: WriteSerializer, readLanes: SQLiteReadLanes?) {
        switch configuration.database {
        case .sqliteFile(let path):
            let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            return try await useSQLite(.init(storage: .file(path: path)), readLanes: configuration.sqliteReadLanes)
        case .sqliteMemory:
            // sqlite-kit backs "memory" with a temporary file; delete it when the app stops.
            let identifier = UUID().uuidString
            lifecycle.use(TemporaryDatabaseCleanup(path: TemporaryDatabaseCleanup.path(for: identifier)))
            return try await useSQLite(.init(storage: .memory(identifier: identifier)), readLanes: configuration.sqliteReadLanes)
        case .postgres(let url):
            var postgres = try SQLPostgresConfiguration(url: url)
            if let schema = configuration.postgresSchema { postgres.searchPath = [schema] }
            databases.use(
                .postgres(
                    configuration: postgres, maxConnectionsPerEventLoop: configuration.postgresConnectionsPerEventLoop,
                    connectionPoolTimeout: .seconds(configuration.postgresPoolTimeoutSeconds)), as: .psql)
            if let schema = configuration.postgresSchema {
                try await db.sql().raw("CREATE SCHEMA IF NOT EXISTS \(ident: schema)").run()
            }
            return (WriteSerializer(writer: nil), nil)
        }
    }

    /// Requests read on the lanes, everything else on Fluent's pool. The writer is registered after
    /// the temporary file's cleanup and the lanes after the writer, so they stop in the reverse order.
    private func useSQLite(_ storage: SQLiteConfiguration, readLanes: Int) async throws -> (WriteSerializer, SQLiteReadLanes?) {
        databases.use(.sqlite(storage), as: .sqlite)
        try await prepareSQLite()
        let writer = try SQLiteWriter(configuration: storage, fluent: databases.configuration(for: .sqlite), logger: logger)
        lifecycle.use(writer)
        guard readLanes > 0 else { return (WriteSerializer(writer: writer), nil) }
        let lanes = try await SQLiteReadLanes.open(configuration: storage, count: readLanes, on: eventLoopGroup.next(), logger: logger)
        lifecycle.use(lanes)
        return (WriteSerializer(writer: writer), lanes)
    }

    /// WAL lets readers proceed while one writer commits; `synchronous=NORMAL` is durable in WAL mode
    /// except for the last transactions on power loss; the busy timeout makes a connection wait for a
    /// lock instead of failing. `journal_mode` persists in the file; the others are per connection,
    /// so they are set on the connection of every event loop (one each) at start, and again by the
    /// write serializer on the connection of every write.
    private func prepareSQLite() async throws {
        try await db.sql().raw("PRAGMA journal_mode=WAL").run()
        for eventLoop in eventLoopGroup.makeIterator() {
            guard let database = databases.database(logger: logger, on: eventLoop) else { continue }
            try await SQLiteSettings.apply(on: database)
        }
    }
}

/// Removes the temporary file behind an in-memory SQLite database at shutdown.
struct TemporaryDatabaseCleanup: LifecycleHandler {
    let path: String

    /// Where sqlite-kit puts an in-memory database with this identifier.
    static func path(for identifier: String) -> String {
        FileManager.default.temporaryDirectory
            .appendingPathComponent("sqlite-kit_memorydb-\(ProcessInfo.processInfo.processIdentifier)-\(identifier).sqlite3").path
    }

    func shutdownAsync(_ application: Application) async {
        for suffix in ["", "-wal", "-shm"] {
            try? FileManager.default.removeItem(atPath: path + suffix)
        }
    }
}
