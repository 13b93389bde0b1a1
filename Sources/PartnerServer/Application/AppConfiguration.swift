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
    /// How many failed logins per account and address, and per address, before 429.
    public var loginLimits = LoginLimiter.Limits()
    /// Reverse proxies in front of the server that append to `X-Forwarded-For`: the client address
    /// is the N-th entry from the right (0: the socket's peer; the header is ignored).
    public var trustedProxies: Int
    public var logLevel: Logger.Level
    /// For PostgreSQL: the schema to work in (tests isolate themselves with one each).
    public var postgresSchema: String?
    /// bcrypt cost; 12 in production, lower only in tests.
    public var passwordCost: Int
    /// PostgreSQL pool size per event loop (two loops on this machine's two cores).
    public var postgresConnectionsPerEventLoop: Int = 4
    /// SQLite read lanes: connections with a thread each that requests run on (`SQLiteReadLanes`).
    /// One per core, at least two, so one long statement never holds up every request; 0 reads on
    /// Fluent's pool.
    public var sqliteReadLanes: Int = max(2, ProcessInfo.processInfo.activeProcessorCount)
    /// How long a request waits for a pooled PostgreSQL connection before it is answered 503.
    public var postgresPoolTimeoutSeconds: Int64 = 10
    /// Points per euro, bonus thresholds and expiry of partner loyalty.
    public var loyaltyRules = LoyaltyRules()
    /// Where webhooks may be sent: https to public addresses in production; `PARTNEROS_ENV=development`
    /// allows http, `PARTNEROS_WEBHOOK_ALLOW_LOOPBACK=1` also loopback (development and tests).
    public var webhookTargets = WebhookTargetRules(allowLoopback: false, requireHTTPS: true)
    /// How long a webhook receiver has to answer.
    public var webhookTimeout: TimeInterval = 15
    /// How long the `prune` automation keeps what it prunes.
    public var retention = Retention()
    /// The time every rule runs at; tests pin it so nothing depends on today's date.
    public var clock: @Sendable () -> Date = { Date() }

    public struct Retention: Sendable, Equatable {
        /// Idempotency keys (and the responses they replay): 7 days.
        public var idempotencyKeys: TimeInterval = 7 * 86_400
        /// Outbox events (delivered by then): 30 days.
        public var events: TimeInterval = 30 * 86_400

        public init() {}
    }

    public init(
        database: DatabaseLocation = .defaultLocation,
        dataDirectory: String = "data",
        maxBodyBytes: Int = 1 << 20,
        tokenLifetime: TimeInterval = 12 * 3600,
        trustedProxies: Int = 0,
        logLevel: Logger.Level = .info,
        postgresSchema: String? = nil,
        passwordCost: Int = 12
    ) {
        self.database = database
        self.dataDirectory = dataDirectory
        self.maxBodyBytes = maxBodyBytes
        self.tokenLifetime = tokenLifetime
        self.trustedProxies = trustedProxies
        self.logLevel = logLevel
        self.postgresSchema = postgresSchema
        self.passwordCost = passwordCost
    }
}
