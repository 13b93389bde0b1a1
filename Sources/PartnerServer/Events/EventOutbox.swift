import Fluent
import Foundation

/// Appends events to the outbox. Call it with the transaction's database so the event commits or
/// rolls back together with the change it describes.
enum EventOutbox {
    static func append(_ event: DomainEvent, on database: any Database, at now: Date) async throws {
        let encoder = JSONEncoder.sortedCompact
        encoder.dateEncodingStrategy = .iso8601
        let data = try encoder.encode(event.data)
        try await OutboxEventRecord(
            type: event.type.rawValue, occurredAt: now, subjectType: event.subjectType,
            subjectID: event.subjectID, partnerID: event.partnerID,
            data: String(decoding: data, as: UTF8.self), version: event.version
        ).create(on: database)
    }
}
