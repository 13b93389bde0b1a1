/// Suggests the tier a partner's trailing-twelve-month revenue earns: the highest-ranked tier for
/// its type whose threshold the revenue meets.
public struct TierReview: Equatable, Sendable {
    public enum Action: String, Sendable, Codable, CaseIterable {
        case upgrade
        case downgrade
        case keep
    }

    public let trailingRevenue: Money
    public let currentCode: String?
    public let suggestedCode: String?
    public let action: Action
    /// The next tier up and how much more revenue it needs.
    public let nextCode: String?
    public let revenueToNext: Money?

    public init(trailingRevenue: Money, type: PartnerType, current: TierDefinition?, tiers: [TierDefinition]) {
        let eligible = tiers.filter { $0.applies(to: type) && $0.minTrailingRevenue.currency == trailingRevenue.currency }
            .sorted { $0.rank < $1.rank }
        let earned = eligible.last { $0.minTrailingRevenue.minorUnits <= trailingRevenue.minorUnits }
        self.trailingRevenue = trailingRevenue
        currentCode = current?.code
        suggestedCode = earned?.code
        switch (current, earned) {
        case (let current?, let earned?) where earned.rank > current.rank: action = .upgrade
        case (let current?, let earned?) where earned.rank < current.rank: action = .downgrade
        case (nil, .some): action = .upgrade
        default: action = .keep
        }
        let next = eligible.first { $0.rank > (earned?.rank ?? Int.min) }
        nextCode = next?.code
        revenueToNext = next.map {
            Money(minorUnits: max(0, $0.minTrailingRevenue.minorUnits - trailingRevenue.minorUnits), currency: trailingRevenue.currency)
        }
    }
}
