import Foundation

/// One event's delivery to one subscription, with its attempts, as the API shows it.
struct WebhookDelivery: Sendable, Equatable {
    enum Status: String, Sendable {
        /// Waiting for its next attempt.
        case pending
        /// Leased to a sender right now.
        case delivering
        case succeeded
        /// Not sent: the receiver answered 410 or the subscription was disabled.
        case failed
        /// Every attempt failed; `replay` sends it again.
        case dead
    }

    struct Attempt: Sendable, Equatable {
        let number: Int
        let at: Date
        let durationMillis: Int64
        let statusCode: Int?
        let error: String?
    }

    let id: UUID
    let eventID: UUID
    let eventType: String
    let status: Status
    let attemptCount: Int
    let nextAttemptAt: Date?
    let lastStatusCode: Int?
    let lastError: String?
    let createdAt: Date
    let completedAt: Date?
    let attempts: [Attempt]
}

extension WebhookDeliveryRecord {
    func value(attempts: [WebhookAttemptRecord]) throws -> WebhookDelivery {
        let status = WebhookDelivery.Status(rawValue: status) ?? .failed
        return WebhookDelivery(
            id: try requireID(), eventID: eventID, eventType: eventType, status: status, attemptCount: self.attempts,
            nextAttemptAt: status == .pending ? Date(millis: nextAttemptMillis) : nil, lastStatusCode: lastStatusCode,
            lastError: lastError, createdAt: Date(millis: createdAtMillis), completedAt: completedAtMillis.map(Date.init(millis:)),
            attempts: attempts.map {
                .init(
                    number: $0.attempt, at: Date(millis: $0.attemptedAtMillis), durationMillis: $0.durationMillis,
                    statusCode: $0.statusCode, error: $0.error)
            })
    }
}
