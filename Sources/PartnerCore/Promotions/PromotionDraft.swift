import Foundation

/// A new promotion, validated from what a client sent. Whether its SKUs and tier codes exist is the
/// service's to check against the catalogue.
public struct PromotionDraft: Equatable, Sendable {
    public var name: String
    public var details: String?
    public var benefit: Promotion.Benefit
    public var audience: Promotion.Audience
    public var validFrom: Date
    public var validTo: Date

    /// The raw request: `discountPercent` or `pointsMultiplier`, exactly one.
    public struct Input: Sendable {
        public var name: String
        public var details: String?
        public var discountPercent: Double?
        public var pointsMultiplier: Double?
        public var skus: [String]?
        public var categories: [String]?
        public var partnerTypes: [PartnerType]?
        public var tierCodes: [String]?
        public var regions: [String]?
        public var partnerIDs: [String]?
        public var validFrom: String
        public var validTo: String

        public init(
            name: String, details: String?, discountPercent: Double?, pointsMultiplier: Double?, skus: [String]?, categories: [String]?,
            partnerTypes: [PartnerType]?, tierCodes: [String]?, regions: [String]?, partnerIDs: [String]?, validFrom: String,
            validTo: String
        ) {
            self.name = name
            self.details = details
            self.discountPercent = discountPercent
            self.pointsMultiplier = pointsMultiplier
            self.skus = skus
            self.categories = categories
            self.partnerTypes = partnerTypes
            self.tierCodes = tierCodes
            self.regions = regions
            self.partnerIDs = partnerIDs
            self.validFrom = validFrom
            self.validTo = validTo
        }
    }

    public static func validated(_ input: Input) throws(ValidationFailure) -> PromotionDraft {
        var v = FieldValidator()
        let name = v.requiredText(input.name, "name", maxLength: 120) ?? ""
        let details = v.optionalText(input.details, "description", maxLength: 2_000)
        v.list(input.skus, "skus", maxItems: PromotionLimits.skus, maxLength: 64)
        v.list(input.categories, "categories", maxItems: PromotionLimits.names)
        v.list(input.regions, "audience.regions", maxItems: PromotionLimits.names)
        v.list(input.tierCodes, "audience.tierCodes", maxItems: PromotionLimits.names, maxLength: 40)
        v.list(input.partnerIDs, "audience.partnerIds", maxItems: PromotionLimits.partners, maxLength: 36)
        let skus = Set((input.skus ?? []).map(ProductDefinition.normalizedSKU))
        let categories = Set((input.categories ?? []).map(\.trimmed).filter { !$0.isEmpty })
        var benefit = Promotion.Benefit.pointsMultiplier(milli: 1_000)
        switch (input.discountPercent, input.pointsMultiplier) {
        case (.some(let percent), nil):
            let basisPoints = FixedPoint.scaled(percent, decimals: 2)
            v.check(
                basisPoints.map { (1...9_000).contains($0) } ?? false, "discountPercent",
                "must be between 0.01 and 90 with at most two decimals")
            benefit = .discount(basisPoints: basisPoints ?? 0, skus: skus, categories: categories)
        case (nil, .some(let multiplier)):
            let milli = FixedPoint.scaled(multiplier, decimals: 3)
            v.check(
                milli.map { (1_001...10_000).contains($0) } ?? false, "pointsMultiplier",
                "must be between 1.001 and 10 with at most three decimals")
            v.check(skus.isEmpty && categories.isEmpty, "skus", "apply only to discount promotions")
            benefit = .pointsMultiplier(milli: milli ?? 1_000)
        default:
            v.fail("discountPercent", "set exactly one of discountPercent or pointsMultiplier")
        }
        // Sets are stored comma-separated.
        let texts = (input.categories ?? []) + (input.regions ?? []) + (input.tierCodes ?? [])
        v.check(!texts.contains { $0.contains(",") }, "categories", "categories, regions and tier codes must not contain commas")
        let partnerIDs = (input.partnerIDs ?? []).map { UUID(uuidString: $0) }
        v.check(!partnerIDs.contains(nil), "audience.partnerIds", "must all be UUIDs")
        let from = CalendarDay.parse(input.validFrom)
        let to = CalendarDay.parse(input.validTo)
        v.check(from != nil, "validFrom", "must be a date as YYYY-MM-DD")
        v.check(to != nil, "validTo", "must be a date as YYYY-MM-DD")
        if let from, let to { v.check(from <= to, "validTo", "must not be before validFrom") }
        try v.finish()
        guard let from, let to else { throw ValidationFailure(field: "validFrom", message: "must be a date as YYYY-MM-DD") }
        let audience = Promotion.Audience(
            partnerTypes: Set(input.partnerTypes ?? []), tierCodes: Set(input.tierCodes ?? []), regions: Set(input.regions ?? []),
            partnerIDs: Set(partnerIDs.compactMap { $0 }))
        return PromotionDraft(name: name, details: details, benefit: benefit, audience: audience, validFrom: from, validTo: to)
    }
}
