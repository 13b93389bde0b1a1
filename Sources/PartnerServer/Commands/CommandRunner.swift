import Fluent
import Foundation
import PartnerAdvisor
import PartnerCore
import Vapor

/// What the commands do once their arguments are parsed. Kept apart from the ArgumentParser types
/// because Vapor's console also defines `Option` and `Flag`.
enum CommandRunner {
    static func serve(
        _ configuration: AppConfiguration, hostname: String, port: Int, demo: Bool, migrate: Bool, environment: [String: String]
    ) async throws {
        try await withApplication(configuration) { app in
            if migrate { try await app.autoMigrate() }
            let createdFromEnvironment = try await AdminBootstrap.createFromEnvironment(environment, on: app)
            if demo { try await DemoConsole.prepare(app, adminFromEnvironment: createdFromEnvironment) }
            app.useEventRelay()
            app.useBackgroundCheckpoints()
            app.useAutomations(child: AutomationProcess(executable: Bundle.main.executableURL, configuration: configuration))
            app.http.server.configuration.hostname = hostname
            app.http.server.configuration.port = port
            // Vapor's own serve command handles startup, signals and graceful shutdown.
            app.environment.arguments = ["partneros", "serve"]
            try await app.execute()
        }
    }

    /// The background work of `serve` without an HTTP listener, for more instances on one
    /// PostgreSQL. SQLite is one process per file, so there `serve` does this work itself.
    static func worker(_ configuration: AppConfiguration, migrate: Bool) async throws {
        if case .postgres = configuration.database {
        } else {
            throw ConfigurationError.invalidValue(
                name: "database", value: configuration.database.redacted,
                reason:
                    "partneros worker needs PostgreSQL; on SQLite (one process per file) `partneros serve` delivers events and runs the automations itself"
            )
        }
        try await withApplication(configuration) { app in
            if migrate { try await app.autoMigrate() }
            app.useEventRelay()
            app.useAutomations()
            try await app.asyncBoot()
            app.logger.notice("Worker running: event relay and automations. Stop it with SIGINT or SIGTERM.")
            await TerminationSignal.wait()
        }
    }

    static func migrate(_ configuration: AppConfiguration) async throws {
        try await withApplication(configuration) { app in
            try await app.autoMigrate()
            print("Migrations are up to date (\(configuration.database.redacted)).")
        }
    }

    static func seedDemo(_ configuration: AppConfiguration) async throws {
        try await withApplication(configuration) { app in
            try await app.autoMigrate()
            let before = try await PartnerRecord.query(on: app.db).count()
            try await DemoConsole.prepare(app, adminFromEnvironment: false)
            if before > 0 { print("The database already has \(before) partners; the demo network was not seeded.") }
        }
    }

    static func seedScale(_ configuration: AppConfiguration, partners: Int) async throws {
        try await withApplication(configuration) { app in
            try await app.autoMigrate()
            try await DemoConsole.prepare(app, adminFromEnvironment: false)
            let started = Date()
            let report = try await ScaleSeeder(app: app).seed(partners: partners)
            print(
                "Scale network: \(report.partners) partners, \(report.orders) new orders with \(report.orderLines) lines, "
                    + "\(report.stands) stands (\(report.standSales) new stand sales) in \(Int(Date().timeIntervalSince(started))) s.")
        }
    }

    static func createAdmin(_ configuration: AppConfiguration, email: String, password: String, name: String) async throws {
        try await withApplication(configuration) { app in
            try await app.autoMigrate()
            try await AdminBootstrap.createAdmin(email: email, password: password, name: name, on: app)
            print("Created admin \(email.lowercased()).")
        }
    }

    /// Replays the stands' recorded sales under a refill policy; returns the JSON report.
    static func simulate(_ configuration: AppConfiguration, arguments: SimulationArguments) async throws -> Data {
        var report = Data()
        try await withApplication(configuration) { app in
            try await app.autoMigrate()
            let coach = app.partnerOS.coach
            let simulation = RefillSimulation(database: app.db, demand: coach.demand, leadTimes: coach.refillForecasts)
            let locations = try await simulation.locations()
            let result = RefillReplay.run(locations, policy: arguments.policy, options: .init(days: arguments.days))
            let encoder = JSONEncoder.sortedCompact
            encoder.outputFormatting.insert(.prettyPrinted)
            report = try encoder.encode(result)
        }
        return report
    }

    /// Runs the automation `arguments` name, or every one that is due; with `arguments.now` it works
    /// as of that instant, and the application's clock (which the services read) starts there too.
    /// Returns what ran (a skipped named run too, with its reason).
    static func runAutomations(_ configuration: AppConfiguration, arguments: AutomationArguments) async throws -> [AutomationRun] {
        var configuration = configuration
        if let now = arguments.now {
            let offset = now.timeIntervalSince(configuration.clock())
            let clock = configuration.clock
            configuration.clock = { clock().addingTimeInterval(offset) }
        }
        var runs: [AutomationRun] = []
        try await withApplication(configuration) { app in
            try await app.autoMigrate()
            let runner = app.partnerOS.automations
            switch arguments.selection {
            case .one(let name): runs = [try await runner.run(name, at: arguments.now)]
            case .due: runs = await runner.runDue()
            }
        }
        return runs
    }

    /// Scores every active partner on `kinds` (all when empty), one after the other as the API
    /// would; the time covers the scoring only, not the start-up.
    static func advise(_ configuration: AppConfiguration, kinds: [PartnerInsightKind]) async throws -> (
        partners: Int, insights: Int, seconds: Double
    ) {
        var report = (partners: 0, insights: 0, seconds: 0.0)
        try await withApplication(configuration) { app in
            try await app.autoMigrate()
            let partners = try await PartnerRecord.query(on: app.db).filter(\.$status == .active).with(\.$tier).sort(\.$id).all()
                .map { try $0.value }
            let started = ContinuousClock.now
            for partner in partners {
                report.insights += try await app.partnerOS.advisor.generate(for: partner, kinds: kinds, by: nil).count
            }
            let elapsed = ContinuousClock.now - started
            report.seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            report.partners = partners.count
        }
        return report
    }

    /// Builds the application, runs `body`, and always shuts the application down.
    private static func withApplication(_ configuration: AppConfiguration, _ body: (Application) async throws -> Void) async throws {
        let app = try await PartnerOSApplication.make(configuration)
        do {
            try await body(app)
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }
}
