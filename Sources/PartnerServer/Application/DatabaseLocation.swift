import Foundation
import PostgresKit

/// Where the data lives, parsed from `--database` / `DATABASE_URL`.
///
/// Forms: `sqlite:PATH` (relative or absolute), `sqlite::memory:`, `postgres://user:pass@host:port/db`
/// (also `postgresql://`).
public enum DatabaseLocation: Equatable, Sendable {
    case sqliteFile(path: String)
    case sqliteMemory
    case postgres(url: String)

    /// The embedded default.
    public static let defaultLocation = DatabaseLocation.sqliteFile(path: "data/partneros.sqlite")

    public init(parsing raw: String) throws(ConfigurationError) {
        let value = raw.trimmingCharacters(in: .whitespaces)
        if value == "sqlite::memory:" {
            self = .sqliteMemory
        } else if value.hasPrefix("sqlite:") {
            var path = String(value.dropFirst("sqlite:".count))
            // Tolerate the URL-ish spelling sqlite:///abs/path and sqlite://relative.
            if path.hasPrefix("//") { path = String(path.dropFirst(2)) }
            guard !path.isEmpty else {
                throw .invalidDatabaseURL(raw, reason: "a sqlite URL needs a file path, as in sqlite:data/partneros.sqlite")
            }
            self = .sqliteFile(path: path)
        } else if value.hasPrefix("postgres://") || value.hasPrefix("postgresql://") {
            guard let components = URLComponents(string: value), let host = components.host, !host.isEmpty else {
                throw .invalidDatabaseURL(raw, reason: "expected postgres://user:password@host:port/database")
            }
            guard components.user?.isEmpty == false else {
                throw .invalidDatabaseURL(raw, reason: "the URL names no user")
            }
            guard components.path.count > 1 else {
                throw .invalidDatabaseURL(raw, reason: "the URL names no database")
            }
            guard (try? SQLPostgresConfiguration(url: value)) != nil else {
                throw .invalidDatabaseURL(raw, reason: "expected postgres://user:password@host:port/database")
            }
            self = .postgres(url: value)
        } else {
            throw .invalidDatabaseURL(raw, reason: "use sqlite:PATH, sqlite::memory: or postgres://user:password@host:port/database")
        }
    }

    /// The URL that parses back to this location, for a child process; nil for an in-memory database,
    /// which no other process can open.
    public var url: String? {
        switch self {
        // A path that itself starts with // would lose it to the sqlite:// tolerance above.
        case .sqliteFile(let path): return path.hasPrefix("//") ? "sqlite://\(path)" : "sqlite:\(path)"
        case .sqliteMemory: return nil
        case .postgres(let url): return url
        }
    }

    /// A loggable form without the password.
    public var redacted: String {
        switch self {
        case .sqliteFile(let path): return "sqlite:\(path)"
        case .sqliteMemory: return "sqlite::memory:"
        case .postgres(let url):
            guard var components = URLComponents(string: url) else { return "postgres://…" }
            if components.password != nil { components.password = "***" }
            return components.string ?? "postgres://…"
        }
    }
}
