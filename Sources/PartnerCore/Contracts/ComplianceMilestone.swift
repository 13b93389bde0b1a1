import Foundation

/// A compliance document about to expire (within the window `ComplianceSummary` uses) or expired,
/// announced once per expiry date.
public enum ComplianceMilestone: Equatable, Sendable {
    case expiring(expiresOn: Date, daysLeft: Int)
    case expired(expiresOn: Date)

    public var key: String {
        switch self {
        case .expiring(let day, _): "expiring:\(CalendarDay.format(day))"
        case .expired(let day): "expired:\(CalendarDay.format(day))"
        }
    }

    /// A document is valid through its expiry day (as in `ComplianceSummary`); expiries further
    /// back than `catchUpDays` are history and not announced.
    public static func reached(expiresOn: Date, at date: Date, window: Int = 30, catchUpDays: Int = 31) -> ComplianceMilestone? {
        let today = CalendarDay.startOfDay(date)
        let daysLeft = Int((expiresOn.timeIntervalSince(today) / 86_400).rounded())
        if daysLeft < 0 { return -daysLeft <= catchUpDays ? .expired(expiresOn: expiresOn) : nil }
        return daysLeft <= window ? .expiring(expiresOn: expiresOn, daysLeft: daysLeft) : nil
    }
}
