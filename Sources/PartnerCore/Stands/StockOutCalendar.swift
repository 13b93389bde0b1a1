import Foundation

/// Turns stock-out intervals (a SKU at a location at zero from `start` until `end`, or still out)
/// into the number of calendar days (UTC) of a period on which anything was out of stock.
public enum StockOutCalendar {
    public struct Interval: Equatable, Sendable {
        public let start: Date
        public let end: Date?

        public init(start: Date, end: Date?) {
            self.start = start
            self.end = end
        }
    }

    /// Days in `[from, through]` (both whole UTC days) touched by at least one interval.
    public static func days(_ intervals: [Interval], from: Date, through: Date, now: Date) -> Int {
        let first = dayIndex(from)
        let last = dayIndex(through)
        guard last >= first else { return 0 }
        var touched: Set<Int> = []
        for interval in intervals {
            let start = max(dayIndex(interval.start), first)
            let end = min(dayIndex(interval.end ?? now), last)
            guard start <= end else { continue }
            touched.formUnion(start...end)
        }
        return touched.count
    }

    static func dayIndex(_ date: Date) -> Int { Int((date.timeIntervalSince1970 / 86_400).rounded(.down)) }
}
