import Fluent
import Foundation
import PartnerCore

/// A pricing and loyalty tier (see `TierDefinition`).
final class PartnerTierRecord: Model, @unchecked Sendable {
    static let schema = "partner_tiers"

    @ID(key: .id) var id: UUID?
    @Field(key: "code") var code: String
    @Field(key: "name") var name: String
    /// Comma-separated `PartnerType` raw values; a plain string keeps the column portable.
    @Field(key: "partner_types") var partnerTypes: String
    @Field(key: "rank") var rank: Int
    @Field(key: "base_discount_bp") var baseDiscountBasisPoints: Int
    @Field(key: "loyalty_multiplier_milli") var loyaltyMultiplierMilli: Int
    @Field(key: "min_revenue_minor") var minRevenueMinor: Int64
    @Field(key: "currency") var currency: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    init(_ definition: TierDefinition) {
        code = definition.code
        name = definition.name
        partnerTypes = definition.partnerTypes.map(\.rawValue).joined(separator: ",")
        rank = definition.rank
        baseDiscountBasisPoints = definition.baseDiscountBasisPoints
        loyaltyMultiplierMilli = definition.loyaltyMultiplierMilli
        minRevenueMinor = definition.minTrailingRevenue.minorUnits
        currency = definition.minTrailingRevenue.currency.code
    }

    var definition: TierDefinition {
        TierDefinition(
            code: code, name: name,
            partnerTypes: partnerTypes.split(separator: ",").compactMap { PartnerType(rawValue: String($0)) },
            rank: rank, baseDiscountBasisPoints: baseDiscountBasisPoints,
            loyaltyMultiplierMilli: loyaltyMultiplierMilli,
            minTrailingRevenue: Money(minorUnits: minRevenueMinor, currency: Currency(currency) ?? .eur))
    }
}
