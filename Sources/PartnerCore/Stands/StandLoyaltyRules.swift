import Foundation

/// How stand partners earn: the package's rate on every sale, a bonus for each unbroken run of
/// days without a stock-out, and one-off bonuses when lifetime sales cross milestones.
public struct StandLoyaltyRules: Equatable, Sendable {
    /// Days without a stock-out that earn one streak bonus.
    public var streakDays: Int
    public var streakBonus: Int
    /// Lifetime sales (in whole currency units) and the bonus each grants once.
    public var salesMilestones: [Milestone]

    public struct Milestone: Equatable, Sendable {
        public let salesUnits: Int64
        public let bonus: Int

        public init(salesUnits: Int64, bonus: Int) {
            self.salesUnits = salesUnits
            self.bonus = bonus
        }
    }

    public static let defaultMilestones = [
        Milestone(salesUnits: 1_000, bonus: 100), Milestone(salesUnits: 5_000, bonus: 400),
        Milestone(salesUnits: 10_000, bonus: 1_000), Milestone(salesUnits: 25_000, bonus: 2_500),
        Milestone(salesUnits: 50_000, bonus: 5_000),
    ]

    public init(streakDays: Int = 30, streakBonus: Int = 200, salesMilestones: [Milestone] = Self.defaultMilestones) {
        self.streakDays = streakDays
        self.streakBonus = streakBonus
        self.salesMilestones = salesMilestones
    }

    /// Points for a sale: whole currency units × the package rate (thousandths), rounded down.
    public func points(for total: Money, package: StandPackage) -> Int {
        guard total.minorUnits > 0 else { return 0 }
        let divisor = (0..<total.currency.minorUnitDigits).reduce(Int64(1)) { result, _ in result * 10 }
        return Int((total.minorUnits / divisor) * Int64(package.loyaltyRateMilli) / 1_000)
    }

    /// Milestones crossed when lifetime sales move from `before` to `after` (in minor units).
    public func milestonesCrossed(from before: Money, to after: Money) -> [Milestone] {
        let divisor = (0..<after.currency.minorUnitDigits).reduce(Int64(1)) { result, _ in result * 10 }
        return salesMilestones.filter { before.minorUnits < $0.salesUnits * divisor && after.minorUnits >= $0.salesUnits * divisor }
    }

    /// How many whole streaks have been completed since `streakStart` as of `day`: each one earns
    /// a bonus once (the caller keys it by the streak's start and ordinal).
    public func completedStreaks(since streakStart: Date, asOf day: Date) -> Int {
        let days = Int((day.timeIntervalSince(streakStart) / 86_400).rounded(.down))
        return max(0, days / max(streakDays, 1))
    }
}
