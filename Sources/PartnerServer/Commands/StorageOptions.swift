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
        if let bytes = environment["PARTNEROS_MAX_BODY_BYTES"] {
            guard let value = Int(bytes), value > 0 else {
                throw ConfigurationError.invalidValue(
                    name: "PARTNEROS_MAX_BODY_BYTES", value: bytes, reason: "use a positive number of bytes")
            }
            configuration.maxBodyBytes = value
        }
        if let proxies = environment["PARTNEROS_TRUSTED_PROXIES"] {
            guard let value = Int(proxies), (0...10).contains(value) else {
                throw ConfigurationError.invalidValue(
                    name: "PARTNEROS_TRUSTED_PROXIES", value: proxies, reason: "use the number of proxies in front of the server, 0–10")
            }
            configuration.trustedProxies = value
        }
        if let size = environment["PARTNEROS_POSTGRES_POOL_SIZE"] {
            guard let value = Int(size), (1...64).contains(value) else {
                throw ConfigurationError.invalidValue(
                    name: "PARTNEROS_POSTGRES_POOL_SIZE", value: size, reason: "use 1–64 connections per event loop")
            }
            configuration.postgresConnectionsPerEventLoop = value
        }
        if let lanes = environment["PARTNEROS_SQLITE_READ_LANES"] {
            guard let value = Int(lanes), (0...64).contains(value) else {
                throw ConfigurationError.invalidValue(
                    name: "PARTNEROS_SQLITE_READ_LANES", value: lanes, reason: "use 0–64 read lanes (0: requests read on the pool)")
            }
            configuration.sqliteReadLanes = value
        }
        configuration.webhookTargets = WebhookTargetRules(
            allowLoopback: environment["PARTNEROS_WEBHOOK_ALLOW_LOOPBACK"] == "1",
            requireHTTPS: environment["PARTNEROS_ENV"]?.lowercased() != "development")
        return configuration
    }
}
