import Fluent
import Foundation
import PartnerCore
import SQLKit

extension WebhookService {
    /// The most events one replay may send again.
    static let maxReplay = 10_000
    /// The type of the event `POST /webhooks/{id}/test` sends; it is tried once, never retried.
    static let testEventType = "webhook.test"

    /// A subscription's deliveries, newest first, each with its attempts.
    func deliveries(of id: UUID, page: PageRequest) async throws -> Page<WebhookDelivery> {
        _ = try await record(id, on: database)
        let records = try await WebhookDeliveryRecord.query(on: database).filter(\.$subscription.$id == id)
            .newestFirst(by: \.$createdAtMillis, page: page)
        let ids = try records.items.map { try $0.requireID() }
        let attempts =
            ids.isEmpty
            ? [] : try await WebhookAttemptRecord.query(on: database).filter(\.$delivery.$id ~~ ids).sort(\.$attempt).all()
        let byDelivery = Dictionary(grouping: attempts) { $0.$delivery.id }
        return try records.map { try $0.value(attempts: byDelivery[try $0.requireID()] ?? []) }
    }

    /// Queues a `webhook.test` event for this subscription alone; the relay sends it at once.
    func queueTest(_ id: UUID) async throws -> UUID {
        let now = clock.now
        return try await writes.transaction(on: database) { db in
            let subscription = try await record(id, on: db)
            let eventID = UUID()
            var payload = #"{"id":"\#(eventID.apiString)","type":"\#(Self.testEventType)","version":1,"#
            payload += #""occurredAt":"\#((try? ISO8601Transcoder().encode(now)) ?? "")","#
            payload += #""subject":{"type":"webhook_subscription","id":"\#(id.apiString)"},"#
            payload += #""data":{"subscriptionId":"\#(id.apiString)","url":"\#(JSONText.escaped(subscription.url))"}}"#
            let delivery = WebhookDeliveryRecord.due(
                subscription: id, eventID: eventID, type: Self.testEventType, payload: payload, at: now)
            try await delivery.create(on: db)
            return try delivery.requireID()
        }
    }

    /// Sends events again: the ones named, or those that occurred in `from…to`, of the types the
    /// subscription receives. Deliveries that exist start over (same `webhook-id`); returns how many.
    func replay(_ id: UUID, eventIDs: [UUID]?, from: Date?, to: Date?) async throws -> Int {
        var query: SQLQueryString = "SELECT \(unsafeRaw: StoredEvent.columns) FROM outbox_events WHERE position IS NOT NULL"
        switch (eventIDs, from, to) {
        case (let ids?, nil, nil) where !ids.isEmpty && ids.count <= Self.maxReplay:
            query += " AND id IN (\(binds: ids))"
        case (nil, let from?, let to?) where from <= to:
            query += " AND occurred_at >= \(bind: from) AND occurred_at <= \(bind: to)"
        default:
            throw ValidationFailure(
                field: "body", message: "give either eventIds (1 to \(Self.maxReplay)) or both from and to (from not after to)")
        }
        query += " ORDER BY position LIMIT \(literal: Self.maxReplay + 1)"
        try await sequencer.sequencePending()
        let subscription = try await record(id, on: database)
        let receives = subscription.receiver
        let events = try await RowReader.all(query, on: database).map(StoredEvent.init).filter { receives($0.type) }
        guard events.count <= Self.maxReplay else {
            throw ValidationFailure(field: "from", message: "the range holds more than \(Self.maxReplay) events; replay a shorter one")
        }
        let now = clock.now
        try await writes.transaction(on: database) { db in
            for event in events {
                let existing = try await WebhookDeliveryRecord.query(on: db).filter(\.$subscription.$id == id)
                    .filter(\.$eventID == event.id).first()
                let delivery =
                    existing
                    ?? WebhookDeliveryRecord.due(
                        subscription: id, eventID: event.id, type: event.type, payload: event.envelopeJSON, at: now)
                delivery.restart(at: now)
                try await delivery.save(on: db)
            }
        }
        return events.count
    }
}

extension WebhookDeliveryRecord {
    static func due(subscription: UUID, eventID: UUID, type: String, payload: String, at now: Date) -> WebhookDeliveryRecord {
        let delivery = WebhookDeliveryRecord()
        delivery.$subscription.id = subscription
        delivery.eventID = eventID
        delivery.eventType = type
        delivery.payload = payload
        delivery.createdAtMillis = now.millis
        delivery.restart(at: now)
        return delivery
    }

    /// Due now, with no attempts counted: a new delivery or a replayed one.
    func restart(at now: Date) {
        status = WebhookDelivery.Status.pending.rawValue
        attempts = 0
        nextAttemptMillis = now.millis
        leaseUntilMillis = nil
        completedAtMillis = nil
    }
}
