import ArgumentParser
import Foundation
import Logging
import PartnerCore

/// Options every command shares: where the data lives and how much to log.
struct StorageOptions: ParsableArguments {
    @Option(
        help:
            "Database URL: sqlite:PATH, sqlite::memory: or postgres://user:pass@host:port/db. Default: $DATABASE_URL, else sqlite:data/partneros.sqlite."
    )
    var database: String?

    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical. Default: $LOG_LEVEL, else info.")
    var logLevel: String?

    @Option(
        help:
            "Directory for files kept outside the database (contract PDFs). Default: $PARTNEROS_DATA_DIR, else the SQLite file's directory, else data."
    )
    var dataDir: String?

    func configuration(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> AppConfiguration {
        var configuration = AppConfiguration()
        if let url = database ?? environment["DATABASE_URL"], !url.isEmpty {
            configuration.database = try DatabaseLocation(parsing: url)
        }
        if let directory = dataDir ?? environment["PARTNEROS_DATA_DIR"], !directory.isEmpty {
            configuration.dataDirectory = directory
        } else if case .sqliteFile(let path) = configuration.database {
            let parent = URL(fileURLWithPath: path).deletingLastPathComponent().path
            configuration.dataDirectory = parent.isEmpty ? "." : parent
        }
        if let level = logLevel ?? environment["LOG_LEVEL"] {
            guard let parsed = Logger.Level(rawValue: level.lowercased()) else {
                throw ConfigurationError.invalidValue(
                    name: "log level", value: level, reason: "use trace, debug, info, notice, warning, error or critical")
            }
            configuration.logLevel = parsed
        }
        if let value = try Self.integer("PARTNEROS_MAX_BODY_BYTES", in: 1...Int.max, environment, "use a positive number of bytes") {
            configuration.maxBodyBytes = value
        }
        if let value = try Self.integer(
            "PARTNEROS_TRUSTED_PROXIES", in: 0...10, environment, "use the number of proxies in front of the server, 0–10")
        {
            configuration.trustedProxies = value
        }
        if let value = try Self.integer("PARTNEROS_POSTGRES_POOL_SIZE", in: 1...64, environment, "use 1–64 connections per event loop") {
            configuration.postgresConnectionsPerEventLoop = value
        }
        if let value = try Self.integer(
            "PARTNEROS_SQLITE_READ_LANES", in: 0...64, environment, "use 0–64 read lanes (0: requests read on the pool)")
        {
            configuration.sqliteReadLanes = value
        }
        configuration.webhookTargets = WebhookTargetRules(
            allowLoopback: environment["PARTNEROS_WEBHOOK_ALLOW_LOOPBACK"] == "1",
            requireHTTPS: environment["PARTNEROS_ENV"]?.lowercased() != "development")
        return configuration
    }

    /// The integer setting `name`, when set: within `range`, else a configuration error saying `reason`.
    private static func integer(_ name: String, in range: ClosedRange<Int>, _ environment: [String: String], _ reason: String) throws
        -> Int?
    {
        guard let text = environment[name] else { return nil }
        guard let value = Int(text), range.contains(value) else {
            throw ConfigurationError.invalidValue(name: name, value: text, reason: reason)
        }
        return value
    }
}
