import Foundation
import PartnerAPI
import PartnerCore

extension PriceList {
    /// Guardrail floors are Pricing OS internals: shown to HQ and integrations only.
    func api(showingFloors: Bool) -> Components.Schemas.PartnerPriceList {
        Components.Schemas.PartnerPriceList(
            partnerId: partnerID.apiString, tier: tier?.api, priceDate: CalendarDay.format(date), version: version,
            items: lines.map { line in
                Components.Schemas.PriceLine(
                    sku: line.product.sku, name: line.product.name, listPrice: .init(line.price.listPrice),
                    tierDiscountPercent: FixedPoint.unscaled(tier?.definition.baseDiscountBasisPoints ?? 0, decimals: 2),
                    tierPrice: .init(line.price.tierPrice), override: line.override.map(Components.Schemas.PriceOverride.init),
                    promotionPrice: line.price.promotionPrice.map(Components.Schemas.Money.init),
                    promotionId: line.price.promotionID?.apiString,
                    floorPrice: showingFloors ? line.guardrail.map { .init($0.floorPrice) } : nil, unitPrice: .init(line.price.unitPrice),
                    source: .init(line.price.source))
            })
    }
}

extension Components.Schemas.PriceOverride {
    init(_ override: PriceOverride) {
        var unitPrice: Components.Schemas.Money?
        var discount: Double?
        switch override.kind {
        case .unitPrice(let price): unitPrice = .init(price)
        case .discount(let basisPoints): discount = FixedPoint.unscaled(basisPoints, decimals: 2)
        }
        self.init(
            sku: override.sku, unitPrice: unitPrice, discountPercent: discount,
            validFrom: override.validFrom.map(CalendarDay.format), validTo: override.validTo.map(CalendarDay.format))
    }
}

extension PricingVersion {
    var api: Components.Schemas.PricingVersion {
        Components.Schemas.PricingVersion(
            version: version, changedBy: changedBy.apiString, changedAt: changedAt, reason: reason,
            changes: changes.map { .init(field: $0.field, previous: $0.previous, current: $0.current) })
    }
}
