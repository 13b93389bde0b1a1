import Foundation
import PartnerAPI
import PartnerCore

extension LoyaltyEntry {
    var api: Components.Schemas.LoyaltyEntry {
        Components.Schemas.LoyaltyEntry(
            id: id.apiString, kind: .init(kind), points: points, occurredAt: occurredAt, expiresAt: expiresAt, reference: reference,
            note: note)
    }
}

extension LoyaltyBooking {
    var api: Components.Schemas.LoyaltyBooking { .init(entry: entry.api, balance: balance) }
}
