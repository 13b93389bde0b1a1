import Fluent
import OpenAPIRuntime
import OpenAPIVapor
import PartnerAPI
import Vapor

/// Builds the one application that `serve`, `migrate`, `seed` and every test use.
public enum PartnerOSApplication {
    public static func make(_ configuration: AppConfiguration, environment: Environment = .production) async throws -> Application {
        var environment = environment
        // The commands parse the command line themselves; Vapor must not read it again.
        environment.arguments = [environment.arguments.first ?? "partneros"]
        let app = try await Application.make(environment)
        do {
            try await configure(app, configuration)
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        return app
    }

    static func configure(_ app: Application, _ configuration: AppConfiguration) async throws {
        app.logger.logLevel = configuration.logLevel
        let (writes, readLanes) = try await app.useStorage(configuration)
        app.migrations.add(PartnerOSMigrations.all)
        app.passwords.use(.bcrypt(cost: configuration.passwordCost))

        let metrics = HTTPMetrics()
        let bcrypt = app.password.async
        let passwords = PasswordHashing(
            hash: { try await bcrypt.hash($0).get() }, verify: { try await bcrypt.verify($0, created: $1).get() })
        let database = try PooledDatabase.make(app.databases, on: app.eventLoopGroup, logger: app.logger, lanes: readLanes)
        let services = PartnerOSServices(
            database: database, configuration: configuration, writes: writes, passwords: passwords,
            decoyPasswordHash: try await passwords.hash(UUID().uuidString), threadPool: app.threadPool,
            eventLoopGroup: app.eventLoopGroup)
        app.partnerOS = services

        // Order matters: the request id wraps everything so even errors carry it; metrics see the
        // final status; the problem middleware turns every thrown error into problem+json.
        app.middleware = Middlewares()
        app.middleware.use(RequestIDMiddleware())
        app.middleware.use(MetricsMiddleware(metrics: metrics))
        app.middleware.use(ProblemMiddleware())
        app.middleware.use(BodyLimitMiddleware(defaultMaxBytes: configuration.maxBodyBytes, uploadMaxBytes: DocumentStore.maxBytes))
        app.middleware.use(AttachmentMiddleware())
        app.middleware.use(RequestContextMiddleware())

        let handler = APIHandler(services: services)
        let spec = try APISpec.yaml()
        try handler.registerHandlers(
            on: VaporTransport(routesBuilder: app), serverURL: try Servers.Server1.url(),
            configuration: Configuration(dateTranscoder: ISO8601Transcoder(), jsonEncodingOptions: [.withoutEscapingSlashes]),
            middlewares: [
                ReadLaneMiddleware(lanes: readLanes),
                AuthenticationMiddleware(authenticator: services.authenticator),
                SpecValidationMiddleware(constraints: try SpecConstraints(spec: spec), maxBodyBytes: DocumentStore.maxBytes),
                NullCursorMiddleware(spec: spec),
            ])
        try SystemRoutes(metrics: metrics).register(on: app)
    }
}
