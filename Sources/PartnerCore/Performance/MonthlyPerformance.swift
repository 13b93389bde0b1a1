import Foundation

/// A calendar month, `YYYY-MM`.
public struct Month: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int

    public init(year: Int, month: Int) {
        self.year = year + (month - 1).floorDiv(12)
        self.month = (month - 1).floorMod(12) + 1
    }

    public init(containing date: Date) {
        let parts = CalendarDay.utc.dateComponents([.year, .month], from: date)
        self.init(year: parts.year ?? 1970, month: parts.month ?? 1)
    }

    public init?(_ text: String) {
        let parts = text.split(separator: "-")
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2, let year = Int(parts[0]), let month = Int(parts[1]),
            (1...12).contains(month)
        else { return nil }
        self.init(year: year, month: month)
    }

    public var description: String { String(format: "%04d-%02d", year, month) }
    public var start: Date {
        CalendarDay.utc.date(from: DateComponents(year: year, month: month, day: 1)) ?? Date(timeIntervalSince1970: 0)
    }
    public var next: Month { Month(year: year, month: month + 1) }
    public func adding(_ months: Int) -> Month { Month(year: year, month: month + months) }

    public static func < (lhs: Month, rhs: Month) -> Bool { (lhs.year, lhs.month) < (rhs.year, rhs.month) }

    /// Every month from `from` to `to`, inclusive.
    public static func range(_ from: Month, _ to: Month) -> [Month] {
        guard from <= to else { return [] }
        return Array(sequence(first: from) { $0.next < to.next ? $0.next : nil })
    }
}

extension Int {
    fileprivate func floorDiv(_ divisor: Int) -> Int { Int((Double(self) / Double(divisor)).rounded(.down)) }
    fileprivate func floorMod(_ divisor: Int) -> Int { self - floorDiv(divisor) * divisor }
}

/// One month of a partner's trade, with the comparisons dashboards need.
public struct MonthlyPerformance: Equatable, Sendable {
    public let month: Month
    public let revenue: Money
    public let orders: Int
    public let loyaltyEarned: Int
    /// Percent change against the previous month and the same month a year earlier; `nil` when
    /// the base is zero (growth from nothing is undefined, not infinite).
    public let growthVsPreviousMonth: Double?
    public let growthVsLastYear: Double?
    /// Revenue as a percent of the monthly target, `nil` without a target.
    public let targetAttainment: Double?

    public var averageOrderValue: Money {
        Money(minorUnits: orders > 0 ? revenue.minorUnits / Int64(orders) : 0, currency: revenue.currency)
    }

    /// Builds the series for `months` from raw monthly totals, filling gaps with zero.
    public static func series(
        months: [Month], totals: [Month: (revenue: Int64, orders: Int, loyalty: Int)], currency: Currency, monthlyTarget: Int64?
    ) -> [MonthlyPerformance] {
        months.map { month in
            let current = totals[month] ?? (0, 0, 0)
            let previous = totals[month.adding(-1)]?.revenue ?? 0
            let lastYear = totals[month.adding(-12)]?.revenue ?? 0
            return MonthlyPerformance(
                month: month, revenue: Money(minorUnits: current.revenue, currency: currency), orders: current.orders,
                loyaltyEarned: current.loyalty, growthVsPreviousMonth: growth(from: previous, to: current.revenue),
                growthVsLastYear: growth(from: lastYear, to: current.revenue),
                targetAttainment: monthlyTarget.flatMap { $0 > 0 ? (Double(current.revenue) / Double($0) * 1000).rounded() / 10 : nil })
        }
    }

    static func growth(from base: Int64, to value: Int64) -> Double? {
        guard base > 0 else { return nil }
        return (Double(value - base) / Double(base) * 1000).rounded() / 10
    }
}
