import Foundation

/// `YYYY-MM-DD` dates (UTC), as the API exchanges them.
public enum CalendarDay {
    /// Midnight UTC of the day, or `nil` for anything that is not a real calendar date.
    public static func parse(_ text: String) -> Date? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        var components = DateComponents(year: year, month: month, day: day)
        components.timeZone = TimeZone(identifier: "UTC")
        guard let date = utc.date(from: components), format(date) == text else { return nil }
        return date
    }

    /// Midnight UTC of the day `date` falls on.
    public static func startOfDay(_ date: Date) -> Date { utc.startOfDay(for: date) }

    public static func format(_ date: Date) -> String {
        let parts = utc.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }

    public static let utc: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()
}
