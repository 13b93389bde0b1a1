import Fluent
import Foundation
import PartnerCore
import SQLKit

/// Webhook subscriptions (admin): register, list, delete, rotate the secret, send a test event, show
/// deliveries, replay. Sending is `WebhookRelay`'s.
struct WebhookService: Sendable {
    /// How long the secret before a rotation still signs, so receivers can switch without a gap.
    static let rotationOverlap: TimeInterval = 24 * 3_600

    struct Draft: Sendable {
        var url: String
        var eventTypes: [String]
        var description: String?
    }

    let database: any Database
    let writes: WriteSerializer
    let sequencer: OutboxSequencer
    let rules: WebhookTargetRules
    let resolver: any HostResolving
    let clock: AppClock

    /// Registers a subscription; the secret is returned this once. Events from now on are sent to it.
    func create(_ draft: Draft, by userID: UUID?) async throws -> (subscription: WebhookSubscription, secret: String) {
        let types = try Self.validated(draft)
        _ = try await WebhookTarget.resolve(draft.url, rules: rules, resolver: resolver)
        // Number what has committed so far, so it counts as before the subscription.
        try await sequencer.sequencePending()
        let secret = WebhookSigner.newSecret()
        let now = clock.now.millis
        let typesJSON = String(decoding: try JSONEncoder.sortedCompact.encode(types), as: UTF8.self)
        let record = try await writes.transaction(on: database) { db in
            let record = WebhookSubscriptionRecord()
            record.url = draft.url
            record.eventTypes = typesJSON
            record.description = draft.description ?? ""
            record.secret = secret
            record.status = WebhookSubscription.Status.active.rawValue
            record.startPosition = try await EventCursors.position(.sequence, on: db)
            record.createdBy = userID
            record.createdAtMillis = now
            record.updatedAtMillis = now
            try await record.create(on: db)
            return record
        }
        return (try record.value, secret)
    }

    func list(page: PageRequest) async throws -> Page<WebhookSubscription> {
        try await WebhookSubscriptionRecord.query(on: database).newestFirst(by: \.$createdAtMillis, page: page).map { try $0.value }
    }

    func find(_ id: UUID) async throws -> WebhookSubscription {
        try await record(id, on: database).value
    }

    /// Deletes the subscription with its deliveries and their attempts.
    func delete(_ id: UUID) async throws {
        try await writes.transaction(on: database) { db in
            let subscription = try await record(id, on: db)
            let deliveries = WebhookDeliveryRecord.query(on: db).filter(\.$subscription.$id == id)
            let ids = try await deliveries.all(\.$id)
            if !ids.isEmpty { try await WebhookAttemptRecord.query(on: db).filter(\.$delivery.$id ~~ ids).delete() }
            try await WebhookDeliveryRecord.query(on: db).filter(\.$subscription.$id == id).delete()
            try await subscription.delete(on: db)
        }
    }

    /// A new secret; the old one keeps signing (as a second signature) for `rotationOverlap`.
    func rotateSecret(_ id: UUID) async throws -> (subscription: WebhookSubscription, secret: String) {
        let secret = WebhookSigner.newSecret()
        let now = clock.now
        let rotated = try await writes.transaction(on: database) { db in
            let subscription = try await record(id, on: db)
            subscription.previousSecret = subscription.secret
            subscription.previousSecretUntilMillis = now.addingTimeInterval(Self.rotationOverlap).millis
            subscription.secret = secret
            subscription.updatedAtMillis = now.millis
            try await subscription.save(on: db)
            return subscription
        }
        return (try rotated.value, secret)
    }

    func record(_ id: UUID, on db: any Database) async throws -> WebhookSubscriptionRecord {
        guard let record = try await WebhookSubscriptionRecord.find(id, on: db) else {
            throw DomainError.notFound("No webhook subscription with this id.")
        }
        return record
    }

    private static func validated(_ draft: Draft) throws -> [String] {
        var errors: [FieldError] = []
        let known = Set(EventType.allCases.map(\.rawValue))
        var types: [String] = []
        for (index, type) in draft.eventTypes.enumerated() where !types.contains(type) {
            if known.contains(type) {
                types.append(type)
            } else {
                errors.append(FieldError(field: "eventTypes[\(index)]", message: "'\(type)' is not an event type"))
            }
        }
        if draft.eventTypes.isEmpty { errors.append(FieldError(field: "eventTypes", message: "must name at least one event type")) }
        if (draft.description ?? "").count > 500 {
            errors.append(FieldError(field: "description", message: "must be at most 500 characters"))
        }
        guard errors.isEmpty else { throw ValidationFailure(errors) }
        return types
    }
}
