import Fluent
import Foundation
import PartnerCore
import Testing

@testable import PartnerServer

/// The runner and its lease: one run at a time per automation, on SQLite and PostgreSQL; due runs
/// by cadence; a failure becomes the run's outcome and an HQ alert.
@Suite("Automation runner")
struct AutomationRunnerTests {
    /// Holds a run inside its work until opened, so a second run can try to start meanwhile.
    actor Gate {
        private var entered = false
        private var opened = false
        private var waiting: CheckedContinuation<Void, Never>?

        func pass() async {
            entered = true
            guard !opened else { return }
            await withCheckedContinuation { waiting = $0 }
        }

        func open() {
            opened = true
            waiting?.resume()
            waiting = nil
        }

        func hasEntered() -> Bool { entered }
    }

    struct GatedAutomation: Automation {
        let name = AutomationName.prune
        let cadence = AutomationCadence.daily(hour: 4, minute: 0)
        let gate: Gate

        func run(at now: Date) async throws -> String {
            await gate.pass()
            return "gated"
        }
    }

    struct FailingAutomation: Automation {
        struct Broken: Error, CustomStringConvertible {
            var description: String { "the ledger is on fire" }
        }

        let name = AutomationName.tierReview
        let cadence = AutomationCadence.monthly(day: 1, hour: 3)

        func run(at now: Date) async throws -> String { throw Broken() }
    }

    private func runner(_ world: TestWorld, _ automations: [any Automation]) -> AutomationRunner {
        AutomationRunner(
            lease: world.services.automations.lease, clock: world.services.clock, automations: automations,
            logger: world.services.automations.logger)
    }

    @Test func aRunInProgressKeepsASecondOneOut() async throws {
        try await withTestApp { world in
            let gate = Gate()
            let runner = runner(world, [GatedAutomation(gate: gate)])
            let first = Task { try await runner.run(.prune, at: world.now) }
            while await !gate.hasEntered() { try await Task.sleep(for: .milliseconds(5)) }
            let second = try await runner.run(.prune, at: world.now)
            #expect(second.result == .skipped("another run of prune is in progress"))
            let statuses = try await runner.statuses()
            #expect(statuses.first?.running == true)
            await gate.open()
            #expect(try await first.value.result == .succeeded("gated"))
            // The lease was let go: the next run goes ahead.
            #expect(try await runner.run(.prune, at: world.now).result == .succeeded("gated"))
            #expect(try await runner.statuses().first?.running == false)
        }
    }

    @Test func aLeaseOfAnotherInstanceHoldsUntilItExpires() async throws {
        try await withTestApp { world in
            let lease = world.services.automations.lease
            let now = world.services.clock.now
            let held = try await lease.claim(.prune, owner: UUID(), now: now, duration: 60, force: true)
            #expect(held)
            let runner = runner(world, [GatedAutomation(gate: Gate())])
            let blocked = try await runner.run(.prune)
            #expect(blocked.ran == false)
            // Another instance claiming after the lease ran out takes over, and holds it in turn.
            let takenOver = try await lease.claim(.prune, owner: UUID(), now: now.addingTimeInterval(61), duration: 60, force: true)
            let again = try await lease.claim(.prune, owner: UUID(), now: now.addingTimeInterval(62), duration: 60, force: true)
            #expect(takenOver && !again)
        }
    }

    @Test func dueRunsFollowTheCadenceAndAreRecorded() async throws {
        try await withTestApp { world in
            let gate = Gate()
            await gate.open()
            let runner = runner(world, [GatedAutomation(gate: gate)])
            let first = await runner.runDue()
            #expect(first.map(\.result) == [.succeeded("gated")])
            // Not due again until 04:00 tomorrow.
            #expect(await runner.runDue().isEmpty)
            let status = try #require(try await runner.statuses().first)
            #expect(status.lastOutcome == .succeeded && status.lastSummary == "gated")
            let started = try #require(status.lastStartedAt)
            #expect(status.nextRunAt == AutomationCadence.daily(hour: 4, minute: 0).next(after: started))
            #expect(status.nextRunAt > started && status.running == false)
        }
    }

    @Test func aFailureIsTheRunsOutcomeAndAnHQAlert() async throws {
        try await withTestApp { world in
            let runner = runner(world, [FailingAutomation()])
            let run = try await runner.run(.tierReview, at: world.now)
            #expect(run.result == .failed("the ledger is on fire"))
            let status = try #require(try await runner.statuses().first)
            #expect(status.lastOutcome == .failed && status.lastSummary == "the ledger is on fire")
            let alerts = try await world.services.alerts.listHQ(page: try PageRequest(limit: 10, cursor: nil)).items
            #expect(alerts.map(\.kind) == ["automation_failed"])
            #expect(alerts.first?.severity == .warning && alerts.first?.partnerID == nil)
            let events = try await world.events(ofType: "notification.partner_alert")
            let data = try #require(events.first?.data)
            #expect(data.contains(#""audience":"hq""#) && data.contains(#""kind":"automation_failed""#))
        }
    }
}

extension AutomationRunnerTests {
    struct CancelledAutomation: Automation {
        let name = AutomationName.aiRefresh
        let cadence = AutomationCadence.daily(hour: 2, minute: 30)

        func run(at now: Date) async throws -> String { throw CancellationError() }
    }

    @Test func concurrentClaimsLeaveOneWinner() async throws {
        try await withTestApp { world in
            let lease = world.services.automations.lease
            let now = world.services.clock.now
            let wins = try await withThrowingTaskGroup(of: Bool.self) { group in
                for _ in 0..<8 {
                    group.addTask { try await lease.claim(.lowStockSweep, owner: UUID(), now: now, duration: 600, force: false) }
                }
                return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
            }
            #expect(wins == 1)
        }
    }

    @Test func aShutdownInterruptsWithoutAnAlertAndLeavesItDue() async throws {
        try await withTestApp { world in
            let runner = runner(world, [CancelledAutomation()])
            let run = try await runner.run(.aiRefresh, at: world.now)
            #expect(run.result == .failed("interrupted by a shutdown; it runs again at the next start"))
            let status = try #require(try await runner.statuses().first)
            #expect(status.nextRunAt == run.startedAt && status.running == false)
            #expect(try await world.services.alerts.listHQ(page: try PageRequest(limit: 10, cursor: nil)).items.isEmpty)
        }
    }
}
