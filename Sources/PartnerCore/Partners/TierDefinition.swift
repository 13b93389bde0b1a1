/// A pricing and loyalty tier: who it applies to, how it ranks, and what it grants.
public struct TierDefinition: Equatable, Sendable {
    public var code: String
    public var name: String
    public var partnerTypes: [PartnerType]
    public var rank: Int
    /// Percent × 100 (basis points), so 12.5 % is 1250.
    public var baseDiscountBasisPoints: Int
    /// Multiplier × 1000, so ×1.25 is 1250.
    public var loyaltyMultiplierMilli: Int
    public var minTrailingRevenue: Money

    public init(
        code: String, name: String, partnerTypes: [PartnerType], rank: Int,
        baseDiscountBasisPoints: Int, loyaltyMultiplierMilli: Int, minTrailingRevenue: Money
    ) {
        self.code = code
        self.name = name
        self.partnerTypes = partnerTypes
        self.rank = rank
        self.baseDiscountBasisPoints = baseDiscountBasisPoints
        self.loyaltyMultiplierMilli = loyaltyMultiplierMilli
        self.minTrailingRevenue = minTrailingRevenue
    }

    public func applies(to type: PartnerType) -> Bool { partnerTypes.contains(type) }

    /// Validates a tier as submitted through the API (percent and multiplier as decimal numbers).
    public static func validated(
        code: String, name: String, partnerTypes: [PartnerType], rank: Int,
        baseDiscountPercent: Double, loyaltyMultiplier: Double, minTrailingRevenue: (amount: String, currency: String)
    ) throws(ValidationFailure) -> TierDefinition {
        var v = FieldValidator()
        let code = code.trimmed
        let codeIsValid =
            (2...32).contains(code.count) && code.first?.isLetter == true
            && code.allSatisfy { ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "_" }
        v.check(codeIsValid, "code", "must be 2–32 characters of a–z, 0–9 and _, starting with a letter")
        let name = v.requiredText(name, "name", maxLength: 80) ?? name
        v.check(!partnerTypes.isEmpty, "partnerTypes", "must name at least one partner type")
        v.check(Set(partnerTypes).count == partnerTypes.count, "partnerTypes", "must not repeat a type")
        v.check((0...1000).contains(rank), "rank", "must be between 0 and 1000")
        let discount = FixedPoint.scaled(baseDiscountPercent, decimals: 2)
        v.check(
            discount.map { (0...10_000).contains($0) } ?? false, "baseDiscountPercent",
            "must be between 0 and 100 with at most two decimals")
        let multiplier = FixedPoint.scaled(loyaltyMultiplier, decimals: 3)
        v.check(
            multiplier.map { (0...10_000).contains($0) } ?? false, "loyaltyMultiplier",
            "must be between 0 and 10 with at most three decimals")
        var revenue: Money?
        if let currency = Currency(minTrailingRevenue.currency) {
            revenue = Money(amount: minTrailingRevenue.amount, currency: currency)
            v.check(
                revenue.map { $0.minorUnits >= 0 } ?? false, "minTrailingRevenue.amount",
                "must be a non-negative decimal amount such as 25000.00")
        } else {
            v.fail("minTrailingRevenue.currency", "must be an ISO 4217 code such as EUR")
        }
        try v.finish()
        return TierDefinition(
            code: code, name: name, partnerTypes: partnerTypes, rank: rank,
            baseDiscountBasisPoints: discount ?? 0, loyaltyMultiplierMilli: multiplier ?? 1000,
            minTrailingRevenue: revenue ?? Money(minorUnits: 0, currency: .eur))
    }
}
