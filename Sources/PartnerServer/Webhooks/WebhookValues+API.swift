import Foundation
import PartnerAPI

extension WebhookSubscription {
    var api: Components.Schemas.WebhookSubscription {
        .init(
            id: id.apiString, url: url, eventTypes: eventTypes, description: description,
            status: .init(rawValue: status.rawValue) ?? .disabled,
            disabledReason: disabledReason, previousSecretExpiresAt: previousSecretExpiresAt, failingSince: failingSince,
            createdAt: createdAt, updatedAt: updatedAt)
    }
}

extension WebhookDelivery {
    var api: Components.Schemas.WebhookDelivery {
        .init(
            id: id.apiString, eventId: eventID.apiString, eventType: eventType, status: .init(rawValue: status.rawValue) ?? .failed,
            attemptCount: attemptCount, nextAttemptAt: nextAttemptAt, lastStatusCode: lastStatusCode, lastError: lastError,
            createdAt: createdAt, completedAt: completedAt,
            attempts: attempts.map {
                .init(number: $0.number, at: $0.at, durationMs: Int($0.durationMillis), statusCode: $0.statusCode, error: $0.error)
            })
    }
}
