import Foundation
import PartnerCore
import Testing

@testable import PartnerServer

/// The loop `serve` and the worker run the automations in (`useAutomations` builds it the same
/// way): it runs what is due, and a shutdown stops it within its grace even when a run does not
/// finish.
@Suite("Automation scheduler")
struct AutomationSchedulerTests {
    private func loop(_ world: TestWorld, _ gate: AutomationRunnerTests.Gate, grace: Duration = .seconds(30)) -> (
        BackgroundLoop, AutomationRunner
    ) {
        let runner = AutomationRunner(
            lease: world.services.automations.lease, clock: world.services.clock,
            automations: [AutomationRunnerTests.GatedAutomation(gate: gate)], logger: world.services.automations.logger)
        let loop = BackgroundLoop(name: "automations", idle: .milliseconds(20), shutdownGrace: grace) {
            _ = await runner.runDue()
            return false
        }
        return (loop, runner)
    }

    @Test func theLoopRunsWhatIsDueAndStopsOnShutdown() async throws {
        try await withTestApp { world in
            let gate = AutomationRunnerTests.Gate()
            await gate.open()
            let (loop, runner) = loop(world, gate)
            try await loop.didBootAsync(world.app)
            var status = try await runner.statuses().first
            while status?.lastOutcome == nil {
                try await Task.sleep(for: .milliseconds(20))
                status = try await runner.statuses().first
            }
            await loop.shutdownAsync(world.app)
            #expect(status?.lastOutcome == .succeeded && status?.running == false)
        }
    }

    @Test func aShutdownWaitsForARunningAutomationOnlyWithinItsGrace() async throws {
        try await withTestApp { world in
            let gate = AutomationRunnerTests.Gate()
            let (loop, runner) = loop(world, gate, grace: .milliseconds(200))
            try await loop.didBootAsync(world.app)
            while await !gate.hasEntered() { try await Task.sleep(for: .milliseconds(10)) }
            // The run never finishes (the gate stays shut, so it never touches the database
            // again); shutdown returns anyway.
            await loop.shutdownAsync(world.app)
            #expect(try await runner.statuses().first?.running == true)
        }
    }
}
