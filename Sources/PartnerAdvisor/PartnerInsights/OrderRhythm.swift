import Foundation
import PartnerCore

/// A partner's (or a SKU's) ordering rhythm: the gaps in days between consecutive order days, and
/// how unusual the current silence is against them. The comparison is with the partner's own
/// interval distribution, not a fixed number of days: a distributor that orders quarterly is not
/// late after 40 days, a salon that orders weekly is.
public struct OrderRhythm: Sendable, Hashable {
    /// Days between consecutive distinct order days, oldest first.
    public let intervals: [Double]
    /// Days since the last order; nil without orders.
    public let daysSinceLast: Double?
    /// The median interval; nil with fewer than two order days.
    public let medianInterval: Double?

    public init(orderDates: [Date], now: Date) {
        let days = Set(orderDates.map { ($0.timeIntervalSince1970 / 86_400).rounded(.down) }).sorted()
        intervals = zip(days.dropFirst(), days).map { $0 - $1 }
        daysSinceLast = days.last.map { max(0, (now.timeIntervalSince1970 / 86_400).rounded(.down) - $0) }
        medianInterval = StandKPI.median(intervals)
    }

    /// The mid-rank share of past intervals at least as long as the current silence (ties count
    /// half): 1 just after an order, 0.5 at the median gap, 0 when the silence is longer than any gap
    /// seen. An empirical survival function, so it needs no assumed distribution. Nil without an
    /// interval.
    public var survival: Double? {
        guard let gap = daysSinceLast, !intervals.isEmpty else { return nil }
        let longer = intervals.filter { $0 > gap }.count
        let equal = intervals.filter { $0 == gap }.count
        return (Double(longer) + Double(equal) / 2) / Double(intervals.count)
    }
}
