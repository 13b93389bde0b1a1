import Foundation
import PartnerAPI
import PartnerCore

extension PartnerTierRecord {
    var api: Components.Schemas.Tier {
        get throws {
            let definition = definition
            return Components.Schemas.Tier(
                id: try requireID().apiString, code: code, name: name,
                partnerTypes: definition.partnerTypes.map(Components.Schemas.PartnerType.init),
                rank: rank,
                baseDiscountPercent: FixedPoint.unscaled(baseDiscountBasisPoints, decimals: 2),
                loyaltyMultiplier: FixedPoint.unscaled(loyaltyMultiplierMilli, decimals: 3),
                minTrailingRevenue: .init(definition.minTrailingRevenue))
        }
    }
}

extension Components.Schemas.Money {
    init(_ money: Money) {
        self.init(amount: money.amount, currency: money.currency.code)
    }
}
