import Fluent
import Foundation
import Logging
import PartnerCore

/// Runs automations under their lease and records each run. Entrances: the scheduler loop
/// (`runDue`), `partneros run-automation` and tests (`run`), `GET /api/v1/automations` (`statuses`).
/// A failing run never throws out of here: its error becomes the run's outcome, is logged, and
/// raises an HQ alert.
struct AutomationRunner: Sendable {
    let lease: AutomationLease
    let clock: AppClock
    let automations: [any Automation]
    /// At the application's log level (tests log warnings only).
    let logger: Logger

    /// Runs `name` now whether or not it is due (still never beside another run of it). `now` is the
    /// instant the work treats as now (default: the clock's); the lease and the next run follow the
    /// clock.
    func run(_ name: AutomationName, at now: Date? = nil) async throws -> AutomationRun {
        guard let automation = automations.first(where: { $0.name == name }) else {
            throw DomainError.notFound("No automation named \(name.rawValue).")
        }
        return try await run(automation, at: now, force: true)
    }

    /// The automations due now and not leased by a run in flight: a read only, so an idle loop
    /// writes nothing.
    func due() async throws -> [any Automation] {
        let now = clock.now
        let rows = try await lease.rows()
        return automations.filter { automation in
            guard let row = rows[automation.name] else { return true }
            return row.nextRunAt <= now && (row.leaseUntil.map { $0 < now } ?? true)
        }
    }

    /// Runs every automation that is due, one after another; returns what ran.
    func runDue() async -> [AutomationRun] {
        let due: [any Automation]
        do {
            due = try await self.due()
        } catch {
            logger.error("automations: could not read the schedule: \(String(reflecting: error))")
            return []
        }
        var runs: [AutomationRun] = []
        for automation in due where !Task.isCancelled {
            do {
                let run = try await run(automation, at: nil, force: false)
                if run.ran { runs.append(run) }
            } catch {
                logger.error("automations: \(automation.name.rawValue) could not be run or recorded: \(String(reflecting: error))")
            }
        }
        return runs
    }

    func statuses() async throws -> [AutomationStatus] {
        let rows = try await lease.rows()
        let now = clock.now
        return automations.map { automation in
            let row = rows[automation.name]
            return AutomationStatus(
                name: automation.name, cadence: automation.cadence, lastStartedAt: row?.lastStartedAt, lastFinishedAt: row?.lastFinishedAt,
                lastOutcome: row?.lastOutcome.flatMap(AutomationOutcome.init(rawValue:)), lastSummary: row?.lastSummary,
                nextRunAt: row?.nextRunAt ?? now, running: row?.leaseUntil.map { $0 > now } ?? false)
        }
    }

    private func run(_ automation: any Automation, at requested: Date?, force: Bool) async throws -> AutomationRun {
        let owner = UUID()
        let started = clock.now
        guard try await lease.claim(automation.name, owner: owner, now: started, duration: automation.lease, force: force) else {
            return AutomationRun(
                name: automation.name, startedAt: started,
                result: .skipped(force ? "another run of \(automation.name.rawValue) is in progress" : "not due"))
        }
        let name = automation.name.rawValue
        let result: AutomationRun.Result
        var next = automation.cadence.next(after: started)
        var alertHQ = false
        do {
            result = .succeeded(try await automation.run(at: requested ?? started))
        } catch is CancellationError {
            // The process is stopping: nothing for HQ to act on, and due again at the next start.
            result = .failed("interrupted by a shutdown; it runs again at the next start")
            next = started
            logger.warning("automations: \(name) was interrupted by a shutdown")
        } catch {
            result = .failed(String(String(describing: error).prefix(500)))
            alertHQ = true
            logger.error("automations: \(name) failed: \(String(reflecting: error))")
        }
        let (outcome, summary): (AutomationOutcome, String) =
            switch result {
            case .succeeded(let summary): (.succeeded, summary)
            case .failed(let reason), .skipped(let reason): (.failed, reason)
            }
        if outcome == .succeeded { logger.info("automations: \(name) succeeded: \(summary)") }
        let finished = clock.now
        let raiseAlert = alertHQ
        try await lease.finish(
            automation.name, owner: owner, startedAt: started, finishedAt: finished, outcome: outcome, summary: summary, nextRunAt: next
        ) { db in
            guard raiseAlert else { return }
            try await PartnerAlerts.raiseHQ(
                kind: "automation_failed", severity: .warning, title: "Automation \(name) failed",
                message: "\(summary) It runs again at its next scheduled time.", link: "/api/v1/automations", subject: nil, on: db,
                at: finished)
        }
        return AutomationRun(name: automation.name, startedAt: started, result: result)
    }
}
