import Fluent
import Foundation
import PartnerCore
import SQLKit

/// Moves events out: numbers committed outbox events, fans them out into one delivery per matching
/// subscription, and sends the deliveries that are due.
///
/// With several instances on one PostgreSQL, each pass claims deliveries with `FOR UPDATE SKIP
/// LOCKED` and a lease, commits the claim, sends without holding any lock, and records the outcome
/// in a second transaction. A delivery is sent twice only when an instance died between claim and
/// record: its lease runs out and another instance takes it. Nothing is lost.
struct WebhookRelay: Sendable {
    struct Settings: Sendable {
        var schedule = WebhookRetrySchedule.standard
        /// A subscription whose every attempt failed for this long is disabled.
        var disableAfter: TimeInterval = 5 * 86_400
        /// Longer than the request timeout, so a live sender never loses its lease mid-request.
        var lease: TimeInterval = 120
        /// Deliveries sent at once by one instance.
        var concurrency = 8
    }

    struct Pass: Sendable, Equatable {
        var fannedOut = 0
        var attempted = 0
    }

    let database: any Database
    let writes: WriteSerializer
    let sequencer: OutboxSequencer
    let rules: WebhookTargetRules
    let resolver: any HostResolving
    let sender: WebhookSender
    let clock: AppClock
    var settings = Settings()
    var jitter: @Sendable () -> Double = { Double.random(in: 0...1) }

    /// One pass; the background loop repeats it, tests call it with the clock where they want it.
    func runOnce() async throws -> Pass {
        try await sequencer.sequencePending()
        var pass = Pass()
        while true {
            let fanned = try await fanOut(limit: 500)
            pass.fannedOut += fanned
            if fanned < 500 { break }
        }
        let claimed = try await claimDue(limit: settings.concurrency)
        await withTaskGroup(of: Void.self) { group in
            for delivery in claimed { group.addTask { await send(delivery) } }
        }
        pass.attempted = claimed.count
        return pass
    }

    /// Turns the next events into deliveries, one per subscription that receives their type.
    func fanOut(limit: Int) async throws -> Int {
        let now = clock.now
        return try await writes.transaction(on: database) { db in
            let sql = try db.sql()
            let lock: SQLQueryString = sql.dialect.name == "postgresql" ? " FOR UPDATE" : ""
            let cursor = try await EventCursors.position(.fanout, on: db, suffix: lock)
            let head = try await EventCursors.position(.sequence, on: db)
            let events = try await RowReader.all(
                "SELECT \(unsafeRaw: StoredEvent.columns) FROM outbox_events WHERE position > \(bind: cursor) AND position <= \(bind: head) ORDER BY position LIMIT \(literal: limit)",
                on: db
            ).map(StoredEvent.init)
            guard let last = events.last else { return 0 }
            let subscriptions = try await WebhookSubscriptionRecord.query(on: db)
                .filter(\.$status == WebhookSubscription.Status.active.rawValue).all()
            let targets = try subscriptions.map { (id: try $0.requireID(), start: $0.startPosition, receives: $0.receiver) }
            var rows: [(UUID, StoredEvent)] = []
            for event in events {
                for target in targets where event.position > target.start && target.receives(event.type) {
                    rows.append((target.id, event))
                }
            }
            try await sql.insert(
                rows, into: WebhookDeliveryRecord.schema,
                columns: [
                    "id", "subscription_id", "event_id", "event_type", "payload", "status", "attempts", "next_attempt_ms", "created_at_ms",
                ],
                onConflict: .ignore(key: ["subscription_id", "event_id"])
            ) { subscription, event in
                [
                    UUID(), subscription, event.id, event.type, event.envelopeJSON, WebhookDelivery.Status.pending.rawValue, 0, now.millis,
                    now.millis,
                ]
            }
            try await EventCursors.set(.fanout, to: last.position, on: db)
            return events.count
        }
    }

    /// A delivery taken for one attempt.
    struct Claimed: Sendable {
        let id: UUID
        let subscriptionID: UUID
        let eventID: UUID
        let eventType: String
        let payload: String
        /// This attempt's number, counting from 1.
        let attempt: Int
    }

    /// Leases up to `limit` due deliveries (and ones whose sender's lease ran out) to this instance.
    func claimDue(limit: Int) async throws -> [Claimed] {
        let now = clock.now.millis
        let leaseUntil = clock.now.addingTimeInterval(settings.lease).millis
        return try await writes.transaction(on: database) { db in
            let skipLocked: SQLQueryString = try db.sql().dialect.name == "postgresql" ? " FOR UPDATE SKIP LOCKED" : ""
            let pending = WebhookDelivery.Status.pending.rawValue
            let delivering = WebhookDelivery.Status.delivering.rawValue
            let query: SQLQueryString = """
                UPDATE webhook_deliveries SET status = \(bind: delivering), lease_until_ms = \(bind: leaseUntil), attempts = attempts + 1
                WHERE id IN (SELECT id FROM webhook_deliveries
                    WHERE (status = \(bind: pending) AND next_attempt_ms <= \(bind: now))
                       OR (status = \(bind: delivering) AND lease_until_ms < \(bind: now))
                    ORDER BY next_attempt_ms LIMIT \(literal: limit)\(skipLocked))
                RETURNING id, subscription_id, event_id, event_type, payload, attempts
                """
            return try await RowReader.all(query, on: db).map { row in
                Claimed(
                    id: try row.uuid("id"), subscriptionID: try row.uuid("subscription_id"), eventID: try row.uuid("event_id"),
                    eventType: try row.string("event_type"), payload: try row.string("payload"), attempt: try row.int("attempts"))
            }
        }
    }
}
