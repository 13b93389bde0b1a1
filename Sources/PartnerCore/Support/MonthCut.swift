/// A span of UTC milliseconds `[start, end)` as monthly totals and rows: the months counted whole,
/// plus the rows of the spans in `added`, minus the rows of the spans in `removed`.
///
/// A month the span only partly covers (at most two: the first and the last) is read from the side
/// with fewer days: the rows inside the span when they are the smaller part, otherwise the month's
/// total less the rows outside the span. So however the span falls, at most half of each ragged
/// month is read row by row — a year from the 3rd to the 2nd reads two days of rows, not a month.
public struct MonthCut: Equatable, Sendable {
    /// The starts of the months counted whole: a monthly total keyed by its month's start counts
    /// exactly when its key is in this range.
    public let months: Range<Int64>
    /// Spans inside `[start, end)` outside the whole months: their rows are added.
    public let added: [Range<Int64>]
    /// Spans of the whole months outside `[start, end)`: their rows are taken away.
    public let removed: [Range<Int64>]

    static let day: Int64 = 86_400_000

    public init(from start: Int64, until end: Int64) {
        guard start < end else {
            (months, added, removed) = (start..<start, [], [])
            return
        }
        // The months the span touches: [firstMonth, afterLast).
        let firstMonth = Self.monthStart(containing: start)
        let afterLast = Self.monthStart(containing: end) == end ? end : Self.monthStart(after: end - 1)
        let afterFirst = Self.monthStart(after: start)
        if afterFirst >= afterLast {
            // One month: the span, or the month less what lies either side of the span.
            let outside = [firstMonth..<start, end..<afterLast].filter { !$0.isEmpty }
            if Self.shorter(outside, than: [start..<end]) {
                (months, added, removed) = (firstMonth..<afterLast, [], outside)
            } else {
                (months, added, removed) = (start..<start, [start..<end], [])
            }
            return
        }
        var lower = firstMonth
        var upper = afterLast
        var added: [Range<Int64>] = []
        var removed: [Range<Int64>] = []
        if firstMonth < start {
            if Self.shorter([firstMonth..<start], than: [start..<afterFirst]) {
                removed.append(firstMonth..<start)
            } else {
                lower = afterFirst
                added.append(start..<afterFirst)
            }
        }
        if end < afterLast {
            let lastMonth = Self.monthStart(containing: end - 1)
            if Self.shorter([end..<afterLast], than: [lastMonth..<end]) {
                removed.append(end..<afterLast)
            } else {
                upper = lastMonth
                added.append(lastMonth..<end)
            }
        }
        (months, self.added, self.removed) = (lower..<upper, added, removed)
    }

    /// Whether the spans `a` cover less time than the spans `b`; lengths as unsigned wrapping
    /// differences, which are exact for any `Int64` bounds, and sums saturating.
    private static func shorter(_ a: [Range<Int64>], than b: [Range<Int64>]) -> Bool {
        func length(_ spans: [Range<Int64>]) -> UInt64 {
            spans.reduce(UInt64(0)) { total, span in
                let (sum, overflow) = total.addingReportingOverflow(UInt64(bitPattern: span.upperBound &- span.lowerBound))
                return overflow ? .max : sum
            }
        }
        return length(a) < length(b)
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
