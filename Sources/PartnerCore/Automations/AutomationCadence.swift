import Foundation

/// When an automation runs: at a fixed interval, daily at a UTC time, or monthly on a day at a UTC
/// hour. `next(after:)` is the first run strictly after a date, so a missed run (the server was
/// down) is due at once and then the schedule resumes.
public enum AutomationCadence: Equatable, Sendable, CustomStringConvertible {
    case every(seconds: Int)
    case daily(hour: Int, minute: Int)
    case monthly(day: Int, hour: Int)

    public func next(after date: Date) -> Date {
        let calendar = CalendarDay.utc
        switch self {
        case .every(let seconds):
            return date.addingTimeInterval(Double(max(seconds, 1)))
        case .daily(let hour, let minute):
            let today = calendar.date(bySettingHour: hour, minute: minute, second: 0, of: CalendarDay.startOfDay(date)) ?? date
            return today > date ? today : today.addingTimeInterval(86_400)
        case .monthly(let day, let hour):
            let month = Month(containing: date)
            let candidates = [month, month.next].map { $0.start.addingTimeInterval(Double((day - 1) * 86_400 + hour * 3_600)) }
            return candidates.first { $0 > date } ?? month.next.next.start
        }
    }

    public var description: String {
        switch self {
        case .every(let seconds) where seconds % 3_600 == 0: "every \(seconds / 3_600) h"
        case .every(let seconds) where seconds % 60 == 0: "every \(seconds / 60) min"
        case .every(let seconds): "every \(seconds) s"
        case .daily(let hour, let minute): String(format: "daily at %02d:%02d UTC", hour, minute)
        case .monthly(let day, let hour): String(format: "monthly on day %d at %02d:00 UTC", day, hour)
        }
    }
}
