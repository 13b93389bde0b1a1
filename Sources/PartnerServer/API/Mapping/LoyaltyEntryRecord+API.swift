import Foundation
import PartnerAPI

extension LoyaltyEntryRecord {
    var api: Components.Schemas.LoyaltyEntry {
        get throws {
            Components.Schemas.LoyaltyEntry(
                id: try requireID().apiString, kind: .init(kind), points: points, occurredAt: occurredAt, expiresAt: expiresAt,
                reference: reference, note: note)
        }
    }
}
