import Foundation
import Testing

@testable import PartnerCore

@Suite("Calendar days by arithmetic")
struct CalendarDayTests {
    /// Foundation's Gregorian calendar in UTC, the reference the arithmetic replaced.
    private func reference(_ date: Date) -> String {
        let parts = CalendarDay.utc.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }

    @Test("formats every instant as Foundation's calendar does, from 1600 to 2400")
    func formatMatchesTheCalendar() {
        // Every 3 days 1 hour 0 minutes 7 seconds across eight centuries: the time of day drifts
        // through every hour; leap days and century years come by.
        let start = -11_676_096_000.0  // 1600-01-01T00:00:00Z
        let end = 13_569_465_600.0  // 2400-01-01T00:00:00Z
        var seconds = start
        var checked = 0
        while seconds < end {
            let date = Date(timeIntervalSince1970: seconds)
            #expect(CalendarDay.format(date) == reference(date), "\(seconds)")
            seconds += 262_807
            checked += 1
        }
        #expect(checked > 90_000)
        #expect(CalendarDay.format(Date(timeIntervalSince1970: -1)) == "1969-12-31")
        #expect(CalendarDay.format(Date(timeIntervalSince1970: 951_782_400)) == "2000-02-29")
    }

    @Test("parses real days to midnight UTC and refuses the rest")
    func parse() throws {
        #expect(CalendarDay.parse("2024-02-29") == Date(timeIntervalSince1970: 1_709_164_800))
        #expect(CalendarDay.parse("1970-01-01") == Date(timeIntervalSince1970: 0))
        for text in [
            "2023-02-29", "2100-02-29", "2024-13-01", "2024-00-10", "2024-04-31", "0000-01-01", "+202-01-01", "2024-1-01", "2024-01-1a", "",
            "2024-01-01-",
        ] {
            #expect(CalendarDay.parse(text) == nil, "\(text)")
        }
        for text in ["0001-01-01", "1600-02-29", "2000-02-29", "9999-12-31"] {
            let date = try #require(CalendarDay.parse(text))
            #expect(CalendarDay.format(date) == text)
        }
    }

    @Test("an instant beyond four-digit years formats through the calendar")
    func farInstants() {
        let far = Date(timeIntervalSince1970: 1e12)
        #expect(CalendarDay.format(far) == reference(far))
    }
}
