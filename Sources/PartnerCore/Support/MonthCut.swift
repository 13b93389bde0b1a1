/// A span of UTC milliseconds `[start, end)` cut at calendar-month boundaries: the whole months
/// inside it, which monthly totals can answer, and the partial edges before and after them, which
/// only the rows can. A span inside one month is all head.
public struct MonthCut: Equatable, Sendable {
    /// `[start, first whole month)`, or the whole span when it holds no whole month.
    public let head: Range<Int64>
    /// The starts of the whole months: a monthly total keyed by its month's start belongs to the
    /// span exactly when its key is in this range.
    public let months: Range<Int64>
    /// `[end of the last whole month, end)`.
    public let tail: Range<Int64>

    static let day: Int64 = 86_400_000

    public init(from start: Int64, until end: Int64) {
        let end = max(start, end)
        let first = Self.monthStart(containing: start) == start ? start : Self.monthStart(after: start)
        let last = Self.monthStart(containing: end)
        if first < last {
            head = start..<first
            months = first..<last
            tail = last..<end
        } else {
            head = start..<end
            months = end..<end
            tail = end..<end
        }
    }

    /// The first millisecond of the UTC month holding `millis`.
    public static func monthStart(containing millis: Int64) -> Int64 {
        let days = Self.days(containing: millis)
        let date = CivilDate(daysSinceEpoch: Int(days))
        return start(ofDay: days - Int64(date.day - 1))
    }

    /// The first millisecond of the UTC month after the one holding `millis`.
    public static func monthStart(after millis: Int64) -> Int64 {
        let days = Self.days(containing: millis)
        let date = CivilDate(daysSinceEpoch: Int(days))
        let remaining = CivilDate.daysIn(month: date.month, year: date.year) - date.day + 1
        return start(ofDay: days + Int64(remaining))
    }

    /// The day's first millisecond, clamped to Int64's range: any Int64 in, no trap.
    private static func start(ofDay days: Int64) -> Int64 {
        let (millis, overflow) = days.multipliedReportingOverflow(by: day)
        return overflow ? (days < 0 ? .min : .max) : millis
    }

    /// Whole days since 1970-01-01, rounded down (a time before 1970 is in the day before).
    private static func days(containing millis: Int64) -> Int64 {
        let (quotient, remainder) = millis.quotientAndRemainder(dividingBy: day)
        return remainder < 0 ? quotient - 1 : quotient
    }
}
