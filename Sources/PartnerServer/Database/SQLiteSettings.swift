import Fluent
import SQLKit

/// The per-connection SQLite settings: `synchronous=NORMAL` (durable in WAL mode but for the last
/// commits on power loss), a busy timeout, so a connection waits for a lock instead of failing, and
/// a size limit for the WAL file.
enum SQLiteSettings {
    static let busyTimeoutMilliseconds = 5_000

    /// SQLite's default: checkpoint when the WAL passes 1,000 pages.
    static let autocheckpointPages = 1_000

    /// The WAL file is cut back to this size when the log starts over, so one burst of writes does
    /// not keep its disk space for good.
    static let walSizeLimitBytes = 64 << 20

    /// `autocheckpoint: false` leaves checkpoints to a background loop (the writer only).
    static func apply(on database: any Database, autocheckpoint: Bool = true) async throws {
        try await apply(on: try database.sql(), autocheckpoint: autocheckpoint)
    }

    static func apply(on sql: any SQLDatabase, autocheckpoint: Bool = true) async throws {
        try await sql.raw("PRAGMA synchronous=NORMAL").run()
        try await sql.raw("PRAGMA busy_timeout=\(unsafeRaw: String(busyTimeoutMilliseconds))").run()
        try await sql.raw("PRAGMA wal_autocheckpoint=\(unsafeRaw: String(autocheckpoint ? autocheckpointPages : 0))").run()
        try await sql.raw("PRAGMA journal_size_limit=\(unsafeRaw: String(walSizeLimitBytes))").run()
    }
}
