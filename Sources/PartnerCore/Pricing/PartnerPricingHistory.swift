import Foundation

/// What priced one partner's orders on any date: its tier and overrides as they changed
/// (`PricingTimeline`) and the promotions that ran, put through the one `PricingEngine` the way the
/// order path prices an order. The demo prices its history with it, and the price-anomaly check
/// judges an old line against the price its terms gave then.
public struct PartnerPricingHistory: Sendable {
    public let partnerID: UUID
    public let type: PartnerType
    public let region: String
    public let timeline: PricingTimeline
    /// Each tier's discount in basis points, by tier code.
    public let tierDiscounts: [String: Int]
    /// Promotions of the network; each counts while it was live (`Promotion.wasLive(at:)`).
    public let promotions: [Promotion]

    public init(
        partnerID: UUID, type: PartnerType, region: String, timeline: PricingTimeline, tierDiscounts: [String: Int],
        promotions: [Promotion]
    ) {
        self.partnerID = partnerID
        self.type = type
        self.region = region
        self.timeline = timeline
        self.tierDiscounts = tierDiscounts
        self.promotions = promotions
    }

    /// The promotions running for the partner on `date`, its audience read with the tier it had then.
    public func promotions(at date: Date) -> [Promotion] {
        let tierCode = timeline.tierCode(at: date)
        return promotions.filter {
            $0.wasLive(at: date) && $0.applies(partnerID: partnerID, type: type, tierCode: tierCode, region: region, at: date)
        }
    }

    /// The engine's price of `product` on `date` (pass the list price of that day in `product`).
    public func price(_ product: ProductDefinition, guardrail: Guardrail?, at date: Date) -> EffectivePrice {
        let inputs = PriceInputs(
            product: product, tierDiscountBasisPoints: timeline.tierCode(at: date).flatMap { tierDiscounts[$0] } ?? 0,
            override: timeline.override(sku: product.sku, at: date), promotions: promotions(at: date), guardrail: guardrail)
        return PricingEngine.price(inputs, at: date)
    }
}
