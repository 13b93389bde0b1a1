import Foundation
import PartnerAPI
import PartnerCore

extension StandLoyaltyLedgerRecord {
    var api: Components.Schemas.LoyaltyEntry {
        get throws {
            Components.Schemas.LoyaltyEntry(
                id: try requireID().apiString, kind: .init(kind), points: points, occurredAt: occurredAt, reference: reference, note: note)
        }
    }
}
