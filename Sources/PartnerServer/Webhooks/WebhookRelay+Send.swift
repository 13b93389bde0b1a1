import Fluent
import Foundation
import PartnerCore

extension WebhookRelay {
    /// One attempt of a claimed delivery, then its outcome recorded. A database failure here leaves
    /// the lease to run out, so another pass tries again (at least once, never lost).
    func send(_ delivery: Claimed) async {
        do {
            guard let subscription = try await WebhookSubscriptionRecord.find(delivery.subscriptionID, on: database),
                subscription.status == WebhookSubscription.Status.active.rawValue
            else {
                try await record(delivery, outcome: .init(error: "the subscription is disabled"), subscriptionGone: true)
                return
            }
            let outcome: WebhookSender.Outcome
            do {
                let target = try await WebhookTarget.resolve(subscription.url, rules: rules, resolver: resolver)
                let now = clock.now
                let headers = WebhookSigner.headers(
                    id: delivery.eventID.apiString, timestamp: Int64(now.timeIntervalSince1970.rounded(.down)), body: delivery.payload,
                    secrets: subscription.signingSecrets(at: now.millis))
                outcome = await sender.post(to: target, headers: headers, body: delivery.payload)
            } catch let refusal as ValidationFailure {
                outcome = .init(error: "not sent: " + refusal.errors.map(\.message).joined(separator: "; "))
            }
            try await record(delivery, outcome: outcome, subscriptionGone: false)
        } catch {
            return
        }
    }

    /// Stores the attempt and moves the delivery on: succeeded, retried later, dead after the last
    /// attempt, or failed when the receiver answered 410 (which also disables the subscription).
    func record(_ delivery: Claimed, outcome: WebhookSender.Outcome, subscriptionGone: Bool) async throws {
        let now = clock.now
        let jitter = jitter()
        let settings = settings
        try await writes.transaction(on: database) { db in
            guard let record = try await WebhookDeliveryRecord.find(delivery.id, on: db) else { return }
            let attempt = WebhookAttemptRecord()
            attempt.$delivery.id = delivery.id
            attempt.attempt = delivery.attempt
            attempt.attemptedAtMillis = now.millis
            attempt.durationMillis = outcome.durationMillis
            attempt.statusCode = outcome.statusCode
            attempt.error = outcome.error
            try await attempt.create(on: db)

            record.lastStatusCode = outcome.statusCode
            record.lastError = outcome.error
            record.leaseUntilMillis = nil
            let subscription = try await WebhookSubscriptionRecord.find(delivery.subscriptionID, on: db)
            let status: WebhookDelivery.Status
            if outcome.succeeded {
                status = .succeeded
                subscription?.failingSinceMillis = nil
            } else if subscriptionGone {
                status = .failed
            } else if outcome.statusCode == 410 {
                status = .failed
                subscription?.disable("the receiver answered 410 Gone", at: now)
            } else {
                let failingSince = subscription?.failingSinceMillis ?? now.millis
                subscription?.failingSinceMillis = failingSince
                let retryAfter = WebhookRetrySchedule.retryAfter(outcome.retryAfter, now: now)
                let delay = settings.schedule.delay(afterFailedAttempt: delivery.attempt, retryAfter: retryAfter, jitter: jitter)
                if delivery.eventType == WebhookService.testEventType {
                    status = .failed
                } else if now.millis - failingSince >= Int64(settings.disableAfter * 1_000) {
                    status = .dead
                    subscription?.disable("every delivery failed for \(Int(settings.disableAfter / 86_400)) days", at: now)
                } else if let delay {
                    status = .pending
                    record.nextAttemptMillis = now.addingTimeInterval(delay).millis
                } else {
                    status = .dead
                }
                if status == .dead, let subscription {
                    try await WebhookRelay.deadLettered(delivery, subscription: subscription, on: db, at: now)
                }
            }
            record.status = status.rawValue
            if status != .pending { record.completedAtMillis = now.millis }
            try await record.save(on: db)
            try await subscription?.save(on: db)
        }
    }

    /// After the last attempt: an HQ alert, so someone looks at the receiver and replays.
    static func deadLettered(
        _ delivery: Claimed, subscription: WebhookSubscriptionRecord, on db: any Database, at now: Date
    ) async throws {
        let id = try subscription.requireID()
        _ = try await PartnerAlerts.raiseHQ(
            kind: "webhook_dead_letter", severity: .critical, title: "A webhook delivery failed for good",
            message:
                "\(delivery.eventType) \(delivery.eventID.apiString) could not be delivered to \(subscription.url) after \(delivery.attempt) attempts; "
                + "fix the receiver, then replay it.",
            link: "/api/v1/webhooks/\(id.apiString)/deliveries", subject: (type: "webhook_delivery", id: delivery.id), on: db, at: now)
    }
}

extension WebhookSubscriptionRecord {
    func disable(_ reason: String, at now: Date) {
        status = WebhookSubscription.Status.disabled.rawValue
        disabledReason = reason
        updatedAtMillis = now.millis
    }
}
