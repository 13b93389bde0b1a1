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

    /// Runs every automation that is due, one after another; returns what ran.
    func runDue() async -> [AutomationRun] {
        let now = clock.now
        let rows: [AutomationName: AutomationRecord]
        do {
            rows = try await lease.rows()
        } catch {
            logger.error("automations: could not read the schedule: \(String(reflecting: error))")
            return []
        }
        var runs: [AutomationRun] = []
        for automation in automations where !Task.isCancelled {
            // A read first, so an idle loop writes nothing.
            if let row = rows[automation.name], row.nextRunAt > now || (row.leaseUntil.map { $0 >= now } ?? false) { continue }
            do {
                let run = try await run(automation, at: nil, force: false)
                if run.ran { runs.append(run) }
            } catch {
                logger.error("automations: \(automation.name.rawValue) could not be claimed: \(String(reflecting: error))")
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
        let result: AutomationRun.Result
        do {
            result = .succeeded(try await automation.run(at: requested ?? started))
        } catch {
            result = .failed(String(String(describing: error).prefix(500)))
        }
        let finished = clock.now
        let next = automation.cadence.next(after: started)
        switch result {
        case .succeeded(let summary):
            logger.info("automations: \(automation.name.rawValue) succeeded: \(summary)")
            try await lease.finish(
                automation.name, owner: owner, startedAt: started, finishedAt: finished, outcome: .succeeded, summary: summary,
                nextRunAt: next)
        case .failed(let reason), .skipped(let reason):
            logger.error("automations: \(automation.name.rawValue) failed: \(reason)")
            let name = automation.name.rawValue
            try await lease.finish(
                automation.name, owner: owner, startedAt: started, finishedAt: finished, outcome: .failed, summary: reason, nextRunAt: next
            ) { db in
                try await PartnerAlerts.raiseHQ(
                    kind: "automation_failed", severity: .warning, title: "Automation \(name) failed",
                    message: "\(reason) It runs again at its next scheduled time.", link: "/api/v1/automations", subject: nil, on: db,
                    at: finished)
            }
        }
        return AutomationRun(name: automation.name, startedAt: started, result: result)
    }
}
