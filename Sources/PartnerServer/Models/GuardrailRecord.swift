import Fluent
import Foundation
import PartnerCore

/// Pricing OS limits for one product (see `Guardrail`), upserted in bulk.
final class GuardrailRecord: Model, @unchecked Sendable {
    static let schema = "pricing_guardrails"

    @ID(key: .id) var id: UUID?
    @Parent(key: "product_id") var product: ProductRecord
    @Field(key: "currency") var currency: String
    @Field(key: "floor_minor") var floorMinor: Int64
    @OptionalField(key: "ceiling_minor") var ceilingMinor: Int64?
    @OptionalField(key: "max_discount_bp") var maxDiscountBasisPoints: Int?
    @OptionalField(key: "min_margin_bp") var minMarginBasisPoints: Int?
    @Timestamp(key: "updated_at", on: .none) var updatedAt: Date?

    init() {}

    var guardrail: Guardrail {
        Self.guardrail(
            currency: currency, floorMinor: floorMinor, ceilingMinor: ceilingMinor, maxDiscountBasisPoints: maxDiscountBasisPoints,
            minMarginBasisPoints: minMarginBasisPoints)
    }

    /// The stored columns as a guardrail, for rows read in SQL too.
    static func guardrail(
        currency code: String, floorMinor: Int64, ceilingMinor: Int64?, maxDiscountBasisPoints: Int?, minMarginBasisPoints: Int?
    ) -> Guardrail {
        let currency = Currency(code) ?? .eur
        return Guardrail(
            floorPrice: Money(minorUnits: floorMinor, currency: currency),
            ceilingPrice: ceilingMinor.map { Money(minorUnits: $0, currency: currency) },
            maxDiscountBasisPoints: maxDiscountBasisPoints, minMarginBasisPoints: minMarginBasisPoints)
    }

    func apply(_ guardrail: Guardrail, at date: Date) {
        currency = guardrail.floorPrice.currency.code
        floorMinor = guardrail.floorPrice.minorUnits
        ceilingMinor = guardrail.ceilingPrice?.minorUnits
        maxDiscountBasisPoints = guardrail.maxDiscountBasisPoints
        minMarginBasisPoints = guardrail.minMarginBasisPoints
        updatedAt = date
    }
}
