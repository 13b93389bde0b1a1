import Fluent
import Foundation
import PartnerCore

/// A partner's price override for one product (the seed's `PartnerPricing`).
final class PartnerPricingRecord: Model, @unchecked Sendable {
    static let schema = "partner_pricing"

    @ID(key: .id) var id: UUID?
    @Parent(key: "partner_id") var partner: PartnerRecord
    @Parent(key: "product_id") var product: ProductRecord
    @OptionalField(key: "unit_price_minor") var unitPriceMinor: Int64?
    @OptionalField(key: "discount_bp") var discountBasisPoints: Int?
    @OptionalField(key: "valid_from") var validFrom: Date?
    @OptionalField(key: "valid_to") var validTo: Date?
    @Timestamp(key: "updated_at", on: .none) var updatedAt: Date?

    init() {}

    init(partnerID: UUID, productID: UUID) {
        self.$partner.id = partnerID
        self.$product.id = productID
    }

    func override(sku: String, currency: Currency) -> PriceOverride? {
        Self.override(
            sku: sku, currency: currency, unitPriceMinor: unitPriceMinor, discountBasisPoints: discountBasisPoints, validFrom: validFrom,
            validTo: validTo)
    }

    /// The stored columns as an override, for rows read in SQL too.
    static func override(
        sku: String, currency: Currency, unitPriceMinor: Int64?, discountBasisPoints: Int?, validFrom: Date?, validTo: Date?
    ) -> PriceOverride? {
        let kind: PriceOverride.Kind
        if let unitPriceMinor {
            kind = .unitPrice(Money(minorUnits: unitPriceMinor, currency: currency))
        } else if let discountBasisPoints {
            kind = .discount(basisPoints: discountBasisPoints)
        } else {
            return nil
        }
        return PriceOverride(sku: sku, kind: kind, validFrom: validFrom, validTo: validTo)
    }

    func apply(_ override: PriceOverride, at date: Date) {
        switch override.kind {
        case .unitPrice(let price):
            unitPriceMinor = price.minorUnits
            discountBasisPoints = nil
        case .discount(let basisPoints):
            unitPriceMinor = nil
            discountBasisPoints = basisPoints
        }
        validFrom = override.validFrom
        validTo = override.validTo
        updatedAt = date
    }
}
