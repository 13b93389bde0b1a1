import Fluent
import Foundation
import PartnerCore
import SQLKit

/// Announces a milestone once: in one write transaction after the partner's lock, claims the mark
/// (automation, subject, key) and only when it is new appends the events and raises the partner's
/// alert. A second run, or a second instance, finds the mark and does nothing.
struct AutomationNotices {
    struct Alert: Sendable {
        let kind: String
        let severity: AlertSeverity
        let title: String
        let message: String
        let link: String?
        let subject: (type: String, id: UUID)?
    }

    let database: any Database
    let writes: WriteSerializer

    /// Whether this call announced it (false: it had been announced before).
    @discardableResult
    func announceOnce(
        _ automation: AutomationName, partnerID: UUID, subjectID: UUID, key: String, events: [DomainEvent], alert: Alert?, at now: Date
    ) async throws -> Bool {
        try await writes.transaction(on: database) { db in
            try await db.lockPartner(partnerID)
            guard try await Self.mark(automation, subjectID: subjectID, key: key, on: db, at: now) else { return false }
            try await EventOutbox.append(events, on: db, at: now)
            if let alert {
                try await PartnerAlerts.raise(
                    for: partnerID, kind: alert.kind, severity: alert.severity, title: alert.title, message: alert.message,
                    link: alert.link,
                    subject: alert.subject, on: db, at: now)
            }
            return true
        }
    }

    /// Records the mark inside the caller's transaction; false when it already existed.
    static func mark(_ automation: AutomationName, subjectID: UUID, key: String, on db: any Database, at now: Date) async throws -> Bool {
        try await !db.sql().insert(into: AutomationMarkRecord.schema)
            .columns("id", "automation", "subject_id", "key", "created_at")
            .values(SQLBind(UUID()), SQLBind(automation.rawValue), SQLBind(subjectID), SQLBind(key), SQLBind(now))
            .ignoringConflicts(with: ["automation", "subject_id", "key"]).returning("id").all().isEmpty
    }
}
