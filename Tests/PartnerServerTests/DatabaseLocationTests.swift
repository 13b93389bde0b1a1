import Testing

@testable import PartnerServer

@Suite("Database URL parsing")
struct DatabaseLocationTests {
    @Test(arguments: [
        ("sqlite:data/partneros.sqlite", DatabaseLocation.sqliteFile(path: "data/partneros.sqlite")),
        ("sqlite:/var/lib/partneros/db.sqlite", .sqliteFile(path: "/var/lib/partneros/db.sqlite")),
        ("sqlite:///var/lib/partneros/db.sqlite", .sqliteFile(path: "/var/lib/partneros/db.sqlite")),
        ("sqlite::memory:", .sqliteMemory),
        ("postgres://app:secret@db.internal:5432/partneros", .postgres(url: "postgres://app:secret@db.internal:5432/partneros")),
        ("postgresql://app@127.0.0.1/partneros", .postgres(url: "postgresql://app@127.0.0.1/partneros")),
    ])
    func acceptsTheDocumentedForms(url: String, expected: DatabaseLocation) throws {
        #expect(try DatabaseLocation(parsing: url) == expected)
    }

    @Test(arguments: ["", "mysql://a@b/c", "sqlite:", "postgres://", "postgres://host/db", "postgres://user@host", "data.sqlite"])
    func rejectsAnythingElseWithAReason(url: String) {
        #expect(throws: ConfigurationError.self) { try DatabaseLocation(parsing: url) }
    }

    @Test func passwordsNeverReachMessagesOrLogs() throws {
        let location = try DatabaseLocation(parsing: "postgres://app:s3cret@db:5432/partneros")
        #expect(!location.redacted.contains("s3cret"))
        let error = ConfigurationError.invalidDatabaseURL("postgres://app:s3cret@db", reason: "x")
        #expect(!error.description.contains("s3cret"))
    }

    @Test func commandsResolveTheDatabaseFromFlagThenEnvironment() throws {
        let flag = try StorageOptions.parse(["--database", "sqlite::memory:"])
        #expect(try flag.configuration(environment: ["DATABASE_URL": "sqlite:x.sqlite"]).database == .sqliteMemory)
        let environment = try StorageOptions.parse([])
        #expect(try environment.configuration(environment: ["DATABASE_URL": "sqlite:x.sqlite"]).database == .sqliteFile(path: "x.sqlite"))
        #expect(try environment.configuration(environment: [:]).database == .defaultLocation)
        #expect(throws: ConfigurationError.self) { try environment.configuration(environment: ["LOG_LEVEL": "loud"]) }
        #expect(try environment.configuration(environment: ["DATABASE_URL": "sqlite:/srv/pos/db.sqlite"]).dataDirectory == "/srv/pos")
        #expect(try environment.configuration(environment: [:]).dataDirectory.hasSuffix("data"))
        let explicit = try StorageOptions.parse(["--data-dir", "/var/lib/partneros"])
        #expect(try explicit.configuration(environment: ["PARTNEROS_DATA_DIR": "/elsewhere"]).dataDirectory == "/var/lib/partneros")
    }

    @Test func thePostgresPoolSizeComesFromTheEnvironmentWithinBounds() throws {
        let options = try StorageOptions.parse([])
        #expect(try options.configuration(environment: [:]).postgresConnectionsPerEventLoop == 4)
        #expect(try options.configuration(environment: ["PARTNEROS_POSTGRES_POOL_SIZE": "2"]).postgresConnectionsPerEventLoop == 2)
        for bad in ["0", "-1", "65", "two", ""] {
            #expect(throws: ConfigurationError.self) {
                try options.configuration(environment: ["PARTNEROS_POSTGRES_POOL_SIZE": bad])
            }
        }
    }

    @Test func theBodyLimitAndTrustedProxiesComeFromTheEnvironmentWithinBounds() throws {
        let options = try StorageOptions.parse([])
        #expect(try options.configuration(environment: ["PARTNEROS_MAX_BODY_BYTES": "2048"]).maxBodyBytes == 2048)
        #expect(try options.configuration(environment: ["PARTNEROS_TRUSTED_PROXIES": "2"]).trustedProxies == 2)
        for (name, bad) in [
            ("PARTNEROS_MAX_BODY_BYTES", "0"), ("PARTNEROS_MAX_BODY_BYTES", "-5"), ("PARTNEROS_MAX_BODY_BYTES", "lots"),
            ("PARTNEROS_TRUSTED_PROXIES", "11"), ("PARTNEROS_TRUSTED_PROXIES", "-1"), ("PARTNEROS_TRUSTED_PROXIES", ""),
        ] {
            #expect(throws: ConfigurationError.self) { try options.configuration(environment: [name: bad]) }
        }
    }

    @Test func everyCommandParsesItsDocumentedFlags() throws {
        let serve = try #require(
            try PartnerOSCommand.parseAsRoot([
                "serve", "--hostname", "0.0.0.0", "--port", "9000", "--demo", "--no-migrate", "--database", "sqlite::memory:",
            ]) as? ServeCommand)
        #expect(serve.hostname == "0.0.0.0" && serve.port == 9000 && serve.demo && serve.noMigrate)
        #expect(try PartnerOSCommand.parseAsRoot(["migrate", "--database", "sqlite::memory:"]) is MigrateCommand)
        #expect(try PartnerOSCommand.parseAsRoot(["seed", "--demo"]) is SeedCommand)
        let admin = try #require(
            try PartnerOSCommand.parseAsRoot(["create-admin", "--email", "a@example.com", "--password", "long enough pw"])
                as? CreateAdminCommand)
        #expect(admin.email == "a@example.com")
        #expect(throws: (any Error).self) { try PartnerOSCommand.parseAsRoot(["serve", "--port", "70000"]) }
        #expect(throws: (any Error).self) { try PartnerOSCommand.parseAsRoot(["seed"]) }
    }
}
