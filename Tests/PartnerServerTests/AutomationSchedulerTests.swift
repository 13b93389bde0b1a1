import Foundation
import PartnerCore
import Testing

@testable import PartnerServer

/// The loop `serve` and the worker run: it runs what is due, and a shutdown stops it within its
/// grace even when a run does not finish.
@Suite("Automation scheduler")
struct AutomationSchedulerTests {
    private func runner(_ world: TestWorld, _ automation: any Automation) -> AutomationRunner {
        AutomationRunner(
            lease: world.services.automations.lease, clock: world.services.clock, automations: [automation],
            logger: world.services.automations.logger)
    }

    @Test func theLoopRunsWhatIsDueAndStopsOnShutdown() async throws {
        try await withTestApp { world in
            let gate = AutomationRunnerTests.Gate()
            await gate.open()
            let scheduler = AutomationScheduler(
                runner: runner(world, AutomationRunnerTests.GatedAutomation(gate: gate)), interval: .milliseconds(20))
            try await scheduler.didBootAsync(world.app)
            var status = try await scheduler.runner.statuses().first
            while status?.lastOutcome == nil {
                try await Task.sleep(for: .milliseconds(20))
                status = try await scheduler.runner.statuses().first
            }
            await scheduler.shutdownAsync(world.app)
            #expect(status?.lastOutcome == .succeeded && status?.running == false)
        }
    }

    @Test func aShutdownWaitsForARunningAutomationOnlyWithinItsGrace() async throws {
        try await withTestApp { world in
            let gate = AutomationRunnerTests.Gate()
            let scheduler = AutomationScheduler(
                runner: runner(world, AutomationRunnerTests.GatedAutomation(gate: gate)), interval: .milliseconds(20),
                shutdownGrace: .milliseconds(200))
            try await scheduler.didBootAsync(world.app)
            while await !gate.hasEntered() { try await Task.sleep(for: .milliseconds(10)) }
            // The run never finishes (the gate stays shut, so it never touches the database
            // again); shutdown returns anyway.
            await scheduler.shutdownAsync(world.app)
            #expect(try await scheduler.runner.statuses().first?.running == true)
        }
    }
}
