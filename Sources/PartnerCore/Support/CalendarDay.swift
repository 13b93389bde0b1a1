import Foundation

/// `YYYY-MM-DD` dates (UTC), as the API exchanges them.
public enum CalendarDay {
    /// Midnight UTC of the day, or `nil` for anything that is not a real calendar date.
    public static func parse(_ text: String) -> Date? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.utf8.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) } }),
            let year = Int(parts[0]), year >= 1, let month = Int(parts[1]), let day = Int(parts[2]),
            let date = CivilDate(year: year, month: month, day: day)
        else { return nil }
        return Date(timeIntervalSince1970: TimeInterval(date.daysSinceEpoch) * 86_400)
    }

    /// Midnight UTC of the day `date` falls on.
    public static func startOfDay(_ date: Date) -> Date { utc.startOfDay(for: date) }

    /// The UTC day of `date`, by arithmetic: sales, orders and payouts format days on every write,
    /// and `Calendar` goes through ICU behind a lock.
    public static func format(_ date: Date) -> String {
        let days = (date.timeIntervalSince1970 / 86_400).rounded(.down)
        guard days.isFinite, fourDigitYears.contains(days) else {
            let parts = utc.dateComponents([.year, .month, .day], from: date)
            return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
        }
        return CivilDate(daysSinceEpoch: Int(days)).description
    }

    /// 0001-01-01 to 9999-12-31 in days since 1970-01-01: the four-digit years the API exchanges.
    private static let fourDigitYears: ClosedRange<Double> = -719_162...2_932_896

    public static let utc: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()
}
