import Foundation
import Logging
import PartnerCore

/// Everything the application needs to start, resolved from flags and environment by the commands.
public struct AppConfiguration: Sendable {
    public var database: DatabaseLocation
    /// Files that do not belong in the database (contract documents, …) live under this directory.
    public var dataDirectory: String
    /// Largest accepted request body; larger ones get 413.
    public var maxBodyBytes: Int
    public var tokenLifetime: TimeInterval
    /// Failed logins allowed per account, and per client address, within `loginWindow` before 429.
    public var maxFailedLogins: Int
    public var loginWindow: TimeInterval
    /// Honour `X-Forwarded-For` for the client address (only behind a trusted proxy).
    public var trustForwardedFor: Bool
    public var logLevel: Logger.Level
    /// For PostgreSQL: the schema to work in (tests isolate themselves with one each).
    public var postgresSchema: String?
    /// bcrypt cost; 12 in production, lower only in tests.
    public var passwordCost: Int
    /// PostgreSQL pool size per event loop (two loops on this machine's two cores).
    public var postgresConnectionsPerEventLoop: Int = 4
    /// How long a request waits for a pooled PostgreSQL connection before it is answered 503.
    public var postgresPoolTimeoutSeconds: Int64 = 10
    /// Points per euro, bonus thresholds and expiry of partner loyalty.
    public var loyaltyRules = LoyaltyRules()

    public init(
        database: DatabaseLocation = .defaultLocation,
        dataDirectory: String = "data",
        maxBodyBytes: Int = 1 << 20,
        tokenLifetime: TimeInterval = 12 * 3600,
        maxFailedLogins: Int = 5,
        loginWindow: TimeInterval = 15 * 60,
        trustForwardedFor: Bool = false,
        logLevel: Logger.Level = .info,
        postgresSchema: String? = nil,
        passwordCost: Int = 12
    ) {
        self.database = database
        self.dataDirectory = dataDirectory
        self.maxBodyBytes = maxBodyBytes
        self.tokenLifetime = tokenLifetime
        self.maxFailedLogins = maxFailedLogins
        self.loginWindow = loginWindow
        self.trustForwardedFor = trustForwardedFor
        self.logLevel = logLevel
        self.postgresSchema = postgresSchema
        self.passwordCost = passwordCost
    }
}
