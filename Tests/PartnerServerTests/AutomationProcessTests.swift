import Foundation
import PartnerCore
import Testing

@testable import PartnerServer

/// `serve` runs its due automations in a child process (`run-automation --due`): what the child is
/// given, how it is waited for and stopped, and when the scheduler runs them in-process instead.
/// The children here are real processes (`/bin/sh`).
@Suite("Automations in a child process")
struct AutomationProcessTests {
    private static let shell = URL(fileURLWithPath: "/bin/sh")

    private func script(_ text: String, environment: [String: String] = [:]) -> AutomationProcess {
        AutomationProcess(executable: Self.shell, arguments: ["-c", text], environment: environment)
    }

    private func temporaryPath(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID().uuidString)").path
    }

    @Test func theChildGetsTheDatabaseInItsEnvironmentNotItsArguments() throws {
        var configuration = AppConfiguration(database: .sqliteFile(path: "data/x.sqlite"), logLevel: .notice, passwordCost: 4)
        configuration.dataDirectory = "/srv/files"
        let executable = URL(fileURLWithPath: "/usr/local/bin/partneros")
        let child = try #require(
            AutomationProcess(
                executable: executable, configuration: configuration, inheriting: ["KEEP": "1", "DATABASE_URL": "sqlite:old"]))
        #expect(child.executable == executable && child.arguments == ["run-automation", "--due"])
        #expect(
            child.environment == [
                "KEEP": "1", "DATABASE_URL": "sqlite:data/x.sqlite", "PARTNEROS_DATA_DIR": "/srv/files", "LOG_LEVEL": "notice",
            ])

        let secret = "postgres://app:s3cret@127.0.0.1:5432/partners"
        configuration.database = .postgres(url: secret)
        let postgres = try #require(AutomationProcess(executable: executable, configuration: configuration, inheriting: [:]))
        #expect(postgres.environment["DATABASE_URL"] == secret && !postgres.arguments.joined().contains("s3cret"))

        // No other process can open an in-memory database, and without an executable there is no child.
        configuration.database = .sqliteMemory
        #expect(AutomationProcess(executable: executable, configuration: configuration, inheriting: [:]) == nil)
        configuration.database = .sqliteFile(path: "x.sqlite")
        #expect(AutomationProcess(executable: nil, configuration: configuration, inheriting: [:]) == nil)
    }

    @Test func theDatabaseURLParsesBackToTheSameLocation() throws {
        for location in [
            DatabaseLocation.sqliteFile(path: "data/partneros.sqlite"), .sqliteFile(path: "/var/lib/p.sqlite"),
            .sqliteFile(path: "//double/slash.sqlite"), .postgres(url: "postgres://u:p@127.0.0.1:5432/d"),
        ] {
            #expect(try DatabaseLocation(parsing: try #require(location.url)) == location)
        }
        #expect(DatabaseLocation.sqliteMemory.url == nil)
    }

    @Test func runAnswersTheChildsExitStatusAndPassesItsEnvironment() async throws {
        #expect(try await script("exit 3").run() == 3)
        #expect(try await script("test \"$DATABASE_URL\" = sqlite:x", environment: ["DATABASE_URL": "sqlite:x"]).run() == 0)
        #expect(try await script("test -n \"$DATABASE_URL\"", environment: [:]).run() == 1)
        let missing = AutomationProcess(executable: URL(fileURLWithPath: temporaryPath("no-such-binary")), arguments: [], environment: [:])
        await #expect(throws: (any Error).self) { try await missing.run() }
    }

    @Test func cancellingTheWaitSendsTheChildSIGTERMAndWaitsForIt() async throws {
        let ready = temporaryPath("child-ready")
        defer { try? FileManager.default.removeItem(atPath: ready) }
        // The child answers SIGTERM with status 7 once its trap is set (it says so with a file).
        let child = script("trap 'exit 7' TERM; touch \"$READY\"; while :; do sleep 0.05; done", environment: ["READY": ready])
        let waiting = Task { try await child.run() }
        for _ in 0..<400 where !FileManager.default.fileExists(atPath: ready) { try await Task.sleep(for: .milliseconds(25)) }
        #expect(FileManager.default.fileExists(atPath: ready))
        waiting.cancel()
        #expect(try await waiting.value == 7)
    }

    private func scheduler(_ world: TestWorld, _ gate: AutomationRunnerTests.Gate, child: AutomationProcess) -> AutomationScheduler {
        let runner = AutomationRunner(
            lease: world.services.automations.lease, clock: world.services.clock,
            automations: [AutomationRunnerTests.GatedAutomation(gate: gate)], logger: world.services.automations.logger)
        return AutomationScheduler(runner: runner, child: child, logger: world.services.automations.logger)
    }

    @Test func aChildThatRecordedItsRunsIsNotRunAgainHere() async throws {
        try await withTestApp { world in
            let gate = AutomationRunnerTests.Gate()
            await gate.open()
            for status in AutomationProcess.recordedStatuses {
                let busy = try await scheduler(world, gate, child: script("exit \(status)")).pass()
                #expect(!busy)
            }
            #expect(await !gate.hasEntered())
        }
    }

    @Test func aChildThatFailsOrCannotStartLeavesTheRunsToThisProcess() async throws {
        try await withTestApp { world in
            for child in [
                script("exit 9"),
                AutomationProcess(executable: URL(fileURLWithPath: temporaryPath("gone")), arguments: [], environment: [:]),
            ] {
                let gate = AutomationRunnerTests.Gate()
                await gate.open()
                // Due again: a run in this process records the next run tomorrow, so move it back.
                if let row = try await world.services.automations.lease.rows()[.prune] {
                    row.nextRunAt = world.services.clock.now.addingTimeInterval(-1)
                    try await row.save(on: world.app.db)
                }
                _ = try await scheduler(world, gate, child: child).pass()
                #expect(await gate.hasEntered())
                let status = try await world.services.automations.statuses().first { $0.name == .prune }
                #expect(status?.lastOutcome == .succeeded)
            }
        }
    }

    @Test func nothingDueStartsNoChild() async throws {
        try await withTestApp { world in
            let marker = temporaryPath("child-started")
            defer { try? FileManager.default.removeItem(atPath: marker) }
            let gate = AutomationRunnerTests.Gate()
            await gate.open()
            // The first pass runs the due automation here (the child fails), the second finds nothing due.
            _ = try await scheduler(world, gate, child: script("exit 9")).pass()
            _ = try await scheduler(world, gate, child: script("touch \"$MARK\"", environment: ["MARK": marker])).pass()
            #expect(!FileManager.default.fileExists(atPath: marker))
        }
    }

    @Test func runAutomationDueRunsEveryDueAutomationOnce() async throws {
        let path = temporaryPath("automation-due") + ".sqlite"
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        var configuration = AppConfiguration(database: .sqliteFile(path: path), logLevel: .warning, passwordCost: 4)
        configuration.dataDirectory = FileManager.default.temporaryDirectory.path
        let clock = TickingClock(start: TestWorld.now)
        configuration.clock = { clock.next() }
        let arguments = try AutomationArguments.parse(name: nil, due: true, now: nil).get()
        // A new database has every automation due; the second pass finds none.
        let first = try await CommandRunner.runAutomations(configuration, arguments: arguments)
        #expect(Set(first.map(\.name)) == Set(AutomationName.allCases) && first.allSatisfy(\.ran))
        #expect(try await CommandRunner.runAutomations(configuration, arguments: arguments).isEmpty)
    }
}
