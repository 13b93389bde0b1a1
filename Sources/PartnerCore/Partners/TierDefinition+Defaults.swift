extension TierDefinition {
    /// The tiers every installation starts with: metal tiers for trade partners, packages for stands.
    /// Thresholds are trailing-twelve-month revenue in EUR.
    public static let defaults: [TierDefinition] = {
        let trade = PartnerType.allCases.filter(\.isTrade)
        func eur(_ euros: Int64) -> Money { Money(minorUnits: euros * 100, currency: .eur) }
        return [
            TierDefinition(
                code: "bronze", name: "Bronze", partnerTypes: trade, rank: 1, baseDiscountBasisPoints: 0, loyaltyMultiplierMilli: 1000,
                minTrailingRevenue: eur(0)),
            TierDefinition(
                code: "silver", name: "Silver", partnerTypes: trade, rank: 2, baseDiscountBasisPoints: 500, loyaltyMultiplierMilli: 1100,
                minTrailingRevenue: eur(25_000)),
            TierDefinition(
                code: "gold", name: "Gold", partnerTypes: trade, rank: 3, baseDiscountBasisPoints: 1000, loyaltyMultiplierMilli: 1250,
                minTrailingRevenue: eur(100_000)),
            TierDefinition(
                code: "platinum", name: "Platinum", partnerTypes: trade, rank: 4, baseDiscountBasisPoints: 1500,
                loyaltyMultiplierMilli: 1500, minTrailingRevenue: eur(250_000)),
            TierDefinition(
                code: "starter", name: "Starter package", partnerTypes: [.stand], rank: 1, baseDiscountBasisPoints: 0,
                loyaltyMultiplierMilli: 1000, minTrailingRevenue: eur(0)),
            TierDefinition(
                code: "plus", name: "Plus package", partnerTypes: [.stand], rank: 2, baseDiscountBasisPoints: 300,
                loyaltyMultiplierMilli: 1200, minTrailingRevenue: eur(10_000)),
            TierDefinition(
                code: "pro", name: "Pro package", partnerTypes: [.stand], rank: 3, baseDiscountBasisPoints: 600,
                loyaltyMultiplierMilli: 1500, minTrailingRevenue: eur(30_000)),
        ]
    }()
}
