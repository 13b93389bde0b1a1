import Fluent
import Foundation
import PartnerCore
import SQLKit
import Testing
import Vapor
import VaporTesting

@testable import PartnerServer

/// Builds a fresh, migrated application for one test and tears it down afterwards.
///
/// In-memory SQLite by default. With `PARTNEROS_TEST_DATABASE_URL=postgres://…` the same test runs
/// against PostgreSQL in a schema of its own, so tests stay isolated and can run in parallel.
func withTestApp(
    configure: (inout AppConfiguration) -> Void = { _ in },
    _ body: (TestWorld) async throws -> Void
) async throws {
    var configuration = AppConfiguration(database: .sqliteMemory, logLevel: .warning, passwordCost: 4)
    // Every test starts at the same instant, so no assertion depends on today's date; the clock
    // ticks a millisecond a reading, so what happens later in a test is also later in time.
    let clock = TickingClock(start: TestWorld.now)
    configuration.clock = { clock.next() }
    configuration.dataDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("partneros-test-\(UUID().uuidString)").path
    var schema: String?
    if let url = ProcessInfo.processInfo.environment["PARTNEROS_TEST_DATABASE_URL"], !url.isEmpty {
        configuration.database = .postgres(url: url)
        schema = "test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        configuration.postgresSchema = schema
        configuration.postgresConnectionsPerEventLoop = 1
        // One connection per loop (hundreds of parallel test apps share the cluster) makes the
        // 50-request concurrency tests queue for connections while the whole suite runs; on a
        // loaded CI machine that queue has exceeded two minutes. The suite's own timeout still
        // catches a real deadlock.
        configuration.postgresPoolTimeoutSeconds = 600
    }
    configure(&configuration)
    let app = try await PartnerOSApplication.make(configuration, environment: .testing)
    let world = TestWorld(app: app, clock: clock)
    do {
        try await app.autoMigrate()
        try await body(world)
    } catch {
        await tearDown(app, schema: schema, dataDirectory: configuration.dataDirectory)
        throw error
    }
    await tearDown(app, schema: schema, dataDirectory: configuration.dataDirectory)
}

private func tearDown(_ app: Application, schema: String?, dataDirectory: String) async {
    if let schema {
        _ = try? await app.db.sql().raw("DROP SCHEMA IF EXISTS \(ident: schema) CASCADE").run()
    }
    try? await app.asyncShutdown()
    try? FileManager.default.removeItem(atPath: dataDirectory)
}

/// The application under test plus helpers to create users, tokens and partners directly.
struct TestWorld {
    let app: Application
    /// The application's clock; `advance(by:)` moves it on (retry schedules, expiry).
    let clock: TickingClock

    var services: PartnerOSServices { app.partnerOS }
    var users: UserService { services.users }
    var partners: PartnerService { services.partners }

    static let password = "correct horse battery"

    /// The instant every test's clock starts at: mid-month, mid-week, midday UTC.
    static let now = Date(timeIntervalSince1970: 1_795_003_200)  // 2026-11-18T12:00:00Z, a Wednesday
    var now: Date { Self.now }

    /// A user with a bearer token.
    struct Account {
        let user: UserAccount
        let token: String
        var id: UUID { user.id }
        var authorization: HTTPHeaders { ["Authorization": "Bearer \(token)"] }
    }

    func account(_ role: UserRole, email: String? = nil) async throws -> Account {
        let hash = try await services.signIn.hash(Self.password)
        let user = try await users.create(
            email: email ?? "\(role.rawValue).\(UUID().uuidString.prefix(8).lowercased())@example.com",
            name: "Test \(role.rawValue)", passwordHash: hash, role: role)
        let issued = try await users.issueToken(for: user.id, lifetime: 3600)
        return Account(user: user, token: issued.token)
    }

    /// A partner-role user linked to `partner` with `role`.
    func member(of partner: Partner, role: MemberRole = .owner) async throws -> Account {
        let account = try await account(.partner)
        _ = try await users.link(userID: account.id, to: partner.id, role: role)
        return account
    }

    func partner(
        _ name: String = "Partner \(UUID().uuidString.prefix(6))", type: PartnerType = .dealer,
        region: String = "DACH", status: PartnerStatus = .active, tierCode: String? = "bronze",
        city: String? = "Berlin", taxId: String? = nil
    ) async throws -> Partner {
        let profile = PartnerProfile(
            type: type, companyName: name, email: "contact@\(UUID().uuidString.prefix(8).lowercased()).example.com",
            region: region, country: "DE", city: city, taxId: taxId)
        let created = try await partners.create(profile, status: status == .applicant ? .applicant : .active, tierCode: tierCode ?? "")
        guard status != created.status else { return created }
        var edit = PartnerEdit()
        edit.status = status
        return try await partners.update(created.id, with: edit)
    }

    func events(ofType type: String) async throws -> [OutboxEventRecord] {
        try await OutboxEventRecord.query(on: app.db).filter(\.$type == type).all()
    }
}

/// A deterministic clock for tests: `start`, then a millisecond later at every reading.
final class TickingClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date

    init(start: Date) {
        current = start
    }

    func next() -> Date {
        lock.lock()
        defer { lock.unlock() }
        current = current.addingTimeInterval(0.001)
        return current
    }

    /// Jumps ahead, as if `interval` seconds had passed.
    func advance(by interval: TimeInterval) {
        lock.lock()
        defer { lock.unlock() }
        current = current.addingTimeInterval(interval)
    }
}
