import Foundation
import PartnerAPI
import PartnerCore

extension PartnerTier {
    var api: Components.Schemas.Tier {
        Components.Schemas.Tier(
            id: id.apiString, code: definition.code, name: definition.name,
            partnerTypes: definition.partnerTypes.map(Components.Schemas.PartnerType.init), rank: definition.rank,
            baseDiscountPercent: FixedPoint.unscaled(definition.baseDiscountBasisPoints, decimals: 2),
            loyaltyMultiplier: FixedPoint.unscaled(definition.loyaltyMultiplierMilli, decimals: 3),
            minTrailingRevenue: .init(definition.minTrailingRevenue))
    }
}

extension Components.Schemas.Money {
    init(_ money: Money) {
        self.init(amount: money.amount, currency: money.currency.code)
    }
}
