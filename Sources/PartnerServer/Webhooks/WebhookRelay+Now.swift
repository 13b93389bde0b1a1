import Fluent
import Foundation
import PartnerCore

extension WebhookRelay {
    /// Claims one delivery of `subscriptionID` and attempts it now (the test endpoint); returns the
    /// delivery as it stands afterwards.
    func deliverNow(_ deliveryID: UUID, of subscriptionID: UUID) async throws -> WebhookDelivery {
        let leaseUntil = clock.now.addingTimeInterval(settings.lease).millis
        let claimed = try await writes.transaction(on: database) { db -> Claimed? in
            guard let record = try await WebhookDeliveryRecord.find(deliveryID, on: db), record.$subscription.id == subscriptionID,
                record.status == WebhookDelivery.Status.pending.rawValue
            else { return nil }
            record.status = WebhookDelivery.Status.delivering.rawValue
            record.attempts += 1
            record.leaseUntilMillis = leaseUntil
            try await record.save(on: db)
            return Claimed(
                id: deliveryID, subscriptionID: subscriptionID, eventID: record.eventID, eventType: record.eventType,
                payload: record.payload, attempt: record.attempts)
        }
        if let claimed { await send(claimed) }
        guard let record = try await WebhookDeliveryRecord.find(deliveryID, on: database) else {
            throw DomainError.notFound("No webhook delivery with this id.")
        }
        let attempts = try await WebhookAttemptRecord.query(on: database).filter(\.$delivery.$id == deliveryID).sort(\.$attempt).all()
        return try record.value(attempts: attempts)
    }
}
