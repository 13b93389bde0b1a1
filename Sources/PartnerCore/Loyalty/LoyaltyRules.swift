import Foundation

/// How partners earn: points per whole currency unit of delivered orders, scaled by the tier's
/// multiplier (and a promotion's), bonuses when lifetime points cross thresholds, expiry after a
/// number of months.
public struct LoyaltyRules: Equatable, Sendable {
    public var pointsPerCurrencyUnit: Int
    public var expiryMonths: Int
    /// Lifetime-earned thresholds and the bonus each one grants once.
    public var bonusThresholds: [(threshold: Int, bonus: Int)]

    public init(
        pointsPerCurrencyUnit: Int = 1, expiryMonths: Int = 24, bonusThresholds: [(threshold: Int, bonus: Int)] = Self.defaultBonuses
    ) {
        self.pointsPerCurrencyUnit = pointsPerCurrencyUnit
        self.expiryMonths = expiryMonths
        self.bonusThresholds = bonusThresholds
    }

    public static let defaultBonuses: [(threshold: Int, bonus: Int)] = [(1_000, 100), (5_000, 500), (10_000, 1_000), (25_000, 2_500)]

    public static func == (lhs: LoyaltyRules, rhs: LoyaltyRules) -> Bool {
        lhs.pointsPerCurrencyUnit == rhs.pointsPerCurrencyUnit && lhs.expiryMonths == rhs.expiryMonths
            && lhs.bonusThresholds.map(\.threshold) == rhs.bonusThresholds.map(\.threshold)
            && lhs.bonusThresholds.map(\.bonus) == rhs.bonusThresholds.map(\.bonus)
    }

    /// Points for an order total: whole currency units × points per unit × multipliers (in thousandths),
    /// rounded down so partners are never credited a fraction.
    public func points(for total: Money, tierMultiplierMilli: Int, promotionMultiplierMilli: Int = 1_000) -> Int {
        guard total.minorUnits > 0 else { return 0 }
        let divisor = (0..<total.currency.minorUnitDigits).reduce(Int64(1)) { result, _ in result * 10 }
        // In Double: four factors can exceed Int64 for extreme totals, and points are whole anyway.
        let units = Double(total.minorUnits / divisor)
        let scaled = units * Double(pointsPerCurrencyUnit) * Double(tierMultiplierMilli) * Double(promotionMultiplierMilli) / 1_000_000
        return scaled >= Double(Int.max) ? Int.max : Int(scaled.rounded(.down))
    }

    /// Thresholds crossed when lifetime points move from `before` to `after`.
    public func bonusesCrossed(from before: Int, to after: Int) -> [(threshold: Int, bonus: Int)] {
        bonusThresholds.filter { before < $0.threshold && after >= $0.threshold }
    }

    public func expiry(of date: Date) -> Date {
        CalendarDay.utc.date(byAdding: .month, value: expiryMonths, to: date) ?? date
    }
}
