import Foundation

/// Where an effective price came from.
public enum PriceSource: String, Sendable, Codable, CaseIterable {
    case list
    case tier
    case promotion
    case override
    /// A cheaper source was raised to the guardrail floor.
    case floor
}

/// Everything the engine needs to price one SKU for one partner.
public struct PriceInputs: Sendable {
    public var sku: String
    public var listPrice: Money
    public var unitCost: Money?
    public var tierDiscountBasisPoints: Int
    public var override: PriceOverride?
    /// Discounts of the promotions that target this partner and SKU, in basis points.
    public var promotionDiscounts: [(promotionID: UUID, basisPoints: Int)]
    public var guardrail: Guardrail?

    public init(
        sku: String, listPrice: Money, unitCost: Money? = nil, tierDiscountBasisPoints: Int = 0,
        override: PriceOverride? = nil, promotionDiscounts: [(promotionID: UUID, basisPoints: Int)] = [],
        guardrail: Guardrail? = nil
    ) {
        self.sku = sku
        self.listPrice = listPrice
        self.unitCost = unitCost
        self.tierDiscountBasisPoints = tierDiscountBasisPoints
        self.override = override
        self.promotionDiscounts = promotionDiscounts
        self.guardrail = guardrail
    }
}

/// One line of a partner's effective price list.
public struct EffectivePrice: Equatable, Sendable {
    public let sku: String
    public let listPrice: Money
    public let tierPrice: Money
    public let overridePrice: Money?
    public let promotionPrice: Money?
    public let promotionID: UUID?
    public let unitPrice: Money
    public let source: PriceSource
}

/// The one pricing engine for orders, refills and the portal.
///
/// Priority: a valid override, else the best active promotion, else the tier level, else list price;
/// never below the guardrail floor.
public enum PricingEngine {
    public static func price(_ inputs: PriceInputs, at date: Date) -> EffectivePrice {
        let tierPrice = Percent.discounted(inputs.listPrice, by: inputs.tierDiscountBasisPoints)
        let override = inputs.override.flatMap { $0.isValid(at: date) ? $0.price(from: inputs.listPrice) : nil }
        let best = inputs.promotionDiscounts.max { $0.basisPoints < $1.basisPoints }
        let promotionPrice = best.map { Percent.discounted(inputs.listPrice, by: $0.basisPoints) }

        var unitPrice: Money
        var source: PriceSource
        if let override {
            (unitPrice, source) = (override, .override)
        } else if let promotionPrice, promotionPrice.minorUnits < tierPrice.minorUnits {
            (unitPrice, source) = (promotionPrice, .promotion)
        } else if inputs.tierDiscountBasisPoints > 0 {
            (unitPrice, source) = (tierPrice, .tier)
        } else {
            (unitPrice, source) = (inputs.listPrice, .list)
        }
        if let floor = inputs.guardrail?.floorPrice, unitPrice.minorUnits < floor.minorUnits {
            (unitPrice, source) = (floor, .floor)
        }
        return EffectivePrice(
            sku: inputs.sku, listPrice: inputs.listPrice, tierPrice: tierPrice, overridePrice: override,
            promotionPrice: promotionPrice, promotionID: best?.promotionID, unitPrice: unitPrice, source: source)
    }
}
