import Foundation

/// An event about to be written to the outbox. `data` is any Encodable payload; the envelope
/// (`id, type, occurredAt, subject, partnerId, data, version`) is completed by `EventOutbox`.
struct DomainEvent: Sendable {
    let type: EventType
    let subjectType: String
    let subjectID: UUID
    let partnerID: UUID?
    let data: any Encodable & Sendable
    let version: Int

    init(type: EventType, subjectType: String, subjectID: UUID, partnerID: UUID?, data: any Encodable & Sendable, version: Int = 1) {
        self.type = type
        self.subjectType = subjectType
        self.subjectID = subjectID
        self.partnerID = partnerID
        self.data = data
        self.version = version
    }
}
