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
    configuration.dataDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("partneros-test-\(UUID().uuidString)").path
    var schema: String?
    if let url = ProcessInfo.processInfo.environment["PARTNEROS_TEST_DATABASE_URL"], !url.isEmpty {
        configuration.database = .postgres(url: url)
        schema = "test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        configuration.postgresSchema = schema
        configuration.postgresConnectionsPerEventLoop = 1
        // One connection per loop (hundreds of parallel test apps share the cluster) makes the
        // 50-request concurrency tests queue for connections while the whole suite runs.
        configuration.postgresPoolTimeoutSeconds = 120
    }
    configure(&configuration)
    let app = try await PartnerOSApplication.make(configuration, environment: .testing)
    let world = TestWorld(app: app)
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

    var users: UserRepository { UserRepository(database: app.db, writes: app.partnerOS.writes) }
    var partners: PartnerRepository { PartnerRepository(database: app.db, writes: app.partnerOS.writes) }

    static let password = "correct horse battery"

    /// A user with a bearer token.
    struct Account {
        let user: UserRecord
        let token: String
        var id: UUID { user.id! }
        var authorization: HTTPHeaders { ["Authorization": "Bearer \(token)"] }
    }

    func account(_ role: UserRole, email: String? = nil) async throws -> Account {
        let hash = try await app.password.async(on: app.threadPool, hopTo: app.eventLoopGroup.next()).hash(Self.password).get()
        let user = try await users.create(
            email: email ?? "\(role.rawValue).\(UUID().uuidString.prefix(8).lowercased())@example.com",
            name: "Test \(role.rawValue)", passwordHash: hash, role: role)
        let issued = try await users.issueToken(for: user.id!, lifetime: 3600)
        return Account(user: user, token: issued.token)
    }

    /// A partner-role user linked to `partner` with `role`.
    func member(of partner: PartnerRecord, role: MemberRole = .owner) async throws -> Account {
        let account = try await account(.partner)
        _ = try await users.link(userID: account.id, to: partner.id!, role: role)
        return account
    }

    func partner(
        _ name: String = "Partner \(UUID().uuidString.prefix(6))", type: PartnerType = .dealer,
        region: String = "DACH", status: PartnerStatus = .active, tierCode: String? = "bronze",
        city: String? = "Berlin", taxId: String? = nil
    ) async throws -> PartnerRecord {
        let profile = PartnerProfile(
            type: type, companyName: name, email: "contact@\(UUID().uuidString.prefix(8).lowercased()).example.com",
            region: region, country: "DE", city: city, taxId: taxId)
        let tier = try await tierCode.asyncMap { try await TierRepository(database: app.db, writes: app.partnerOS.writes).find(code: $0) }
        return try await partners.create(profile, status: status, tier: tier ?? nil)
    }

    func events(ofType type: String) async throws -> [OutboxEventRecord] {
        try await OutboxEventRecord.query(on: app.db).filter(\.$type == type).all()
    }
}

extension Optional {
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
