import Fluent
import Foundation
import SQLKit

/// Appends events to the outbox. Call it with the transaction's database so the events commit or
/// roll back together with the change they describe.
enum EventOutbox {
    static func append(_ event: DomainEvent, on database: any Database, at now: Date) async throws {
        try await append([event], on: database, at: now)
    }

    /// Several events in one statement (a sale and the points it earned, …).
    static func append(_ events: [DomainEvent], on database: any Database, at now: Date) async throws {
        guard !events.isEmpty else { return }
        let encoder = JSONEncoder.sortedCompact
        encoder.dateEncodingStrategy = .iso8601
        let rows = try events.map { event in
            (event, JSONText.lowercasingUUIDs(String(decoding: try encoder.encode(event.data), as: UTF8.self)))
        }
        try await database.sql().insert(
            rows, into: OutboxEventRecord.schema,
            columns: ["id", "type", "occurred_at", "subject_type", "subject_id", "partner_id", "data", "version"]
        ) { event, data in
            [UUID(), event.type.rawValue, now, event.subjectType, event.subjectID, event.partnerID, data, event.version]
        }
    }
}
