import Fluent
import Foundation
import PartnerCore
import SQLKit

/// The `automations` row as a lease: an instance claims a run with one conditional UPDATE and
/// holds no lock while the work runs, so several instances on one PostgreSQL (or the loop and an
/// operator's `run-automation`) never run one automation at once.
struct AutomationLease {
    let database: any Database
    let writes: WriteSerializer

    /// Claims `name` until `now + duration` for `owner` when no live lease holds it and — unless
    /// `force` — it is due. Returns whether this caller got it.
    func claim(_ name: AutomationName, owner: UUID, now: Date, duration: TimeInterval, force: Bool) async throws -> Bool {
        try await writes.transaction(on: database) { db in
            let sql = try db.sql()
            try await sql.insert(into: AutomationRecord.schema).columns("name", "next_run_at").values(SQLBind(name.rawValue), SQLBind(now))
                .ignoringConflicts(with: ["name"]).run()
            let update = sql.update(AutomationRecord.schema)
                .set("lease_until", to: SQLBind(now.addingTimeInterval(duration)))
                .set("lease_owner", to: SQLBind(owner))
                .where("name", .equal, SQLBind(name.rawValue))
                .where { $0.where("lease_until", .is, SQLLiteral.null).orWhere("lease_until", .lessThan, SQLBind(now)) }
            if !force { update.where("next_run_at", .lessThanOrEqual, SQLBind(now)) }
            return try await !update.returning("name").all().isEmpty
        }
    }

    /// Records how the run ended and when the next one is due, and lets the lease go (only the
    /// owner's: a run that outlived its lease and was taken over records nothing over the new one);
    /// `extra` writes in the same transaction (the HQ alert of a failed run).
    func finish(
        _ name: AutomationName, owner: UUID, startedAt: Date, finishedAt: Date, outcome: AutomationOutcome, summary: String,
        nextRunAt: Date, alongside extra: (@Sendable (any Database) async throws -> Void)? = nil
    ) async throws {
        try await writes.transaction(on: database) { db in
            try await db.sql().update(AutomationRecord.schema)
                .set("lease_until", to: SQLLiteral.null).set("lease_owner", to: SQLLiteral.null)
                .set("last_started_at", to: SQLBind(startedAt)).set("last_finished_at", to: SQLBind(finishedAt))
                .set("last_outcome", to: SQLBind(outcome.rawValue)).set("last_summary", to: SQLBind(summary))
                .set("next_run_at", to: SQLBind(nextRunAt))
                .where("name", .equal, SQLBind(name.rawValue)).where("lease_owner", .equal, SQLBind(owner))
                .run()
            try await extra?(db)
        }
    }

    /// The rows that exist (an automation that never ran has none yet).
    func rows() async throws -> [AutomationName: AutomationRecord] {
        var rows: [AutomationName: AutomationRecord] = [:]
        for row in try await AutomationRecord.query(on: database).all() {
            guard let name = row.id.flatMap(AutomationName.init(rawValue:)) else { continue }
            rows[name] = row
        }
        return rows
    }
}
