import Foundation

/// A webhook subscription as the API shows it (never with its secret).
struct WebhookSubscription: Sendable, Equatable {
    enum Status: String, Sendable {
        case active, disabled
    }

    let id: UUID
    let url: String
    let eventTypes: [String]
    let description: String
    let status: Status
    let disabledReason: String?
    /// Until when the secret before the last rotation still signs.
    let previousSecretExpiresAt: Date?
    let failingSince: Date?
    let createdAt: Date
    let updatedAt: Date
}

extension WebhookSubscriptionRecord {
    var value: WebhookSubscription {
        get throws {
            WebhookSubscription(
                id: try requireID(), url: url, eventTypes: eventTypeList, description: description,
                status: WebhookSubscription.Status(rawValue: status) ?? .disabled, disabledReason: disabledReason,
                previousSecretExpiresAt: previousSecretUntilMillis.map(Date.init(millis:)),
                failingSince: failingSinceMillis.map(Date.init(millis:)), createdAt: Date(millis: createdAtMillis),
                updatedAt: Date(millis: updatedAtMillis))
        }
    }

    /// The secrets that sign a request sent at `nowMillis`: the current one, and the previous one
    /// during the rotation overlap.
    func signingSecrets(at nowMillis: Int64) -> [String] {
        guard let previousSecret, let until = previousSecretUntilMillis, nowMillis < until else { return [secret] }
        return [secret, previousSecret]
    }

    /// The event types as stored (a JSON array written by `WebhookService`).
    var eventTypeList: [String] {
        (try? JSONDecoder().decode([String].self, from: Data(eventTypes.utf8))) ?? []
    }

    /// Whether events of a type go to this subscription; decode once, test many events.
    var receiver: @Sendable (String) -> Bool {
        let types = Set(eventTypeList)
        return { types.isEmpty || types.contains($0) }
    }
}
