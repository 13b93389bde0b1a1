import Foundation
import Testing

@testable import PartnerCore

@Suite("Cutting a span at month boundaries")
struct MonthCutTests {
    private static let day: Int64 = 86_400_000

    /// The first millisecond of `date`'s UTC month by Foundation's calendar, the reference.
    private func referenceMonthStart(_ millis: Int64) -> Int64 {
        let date = Date(timeIntervalSince1970: Double(millis) / 1000)
        let parts = CalendarDay.utc.dateComponents([.year, .month], from: date)
        let start = CalendarDay.utc.date(from: DateComponents(year: parts.year, month: parts.month, day: 1)) ?? .distantPast
        return Int64((start.timeIntervalSince1970 * 1000).rounded())
    }

    @Test("finds each instant's month start as Foundation's calendar does, 1900 to 2200")
    func monthStartsMatchTheCalendar() {
        var millis: Int64 = -2_208_988_800_000  // 1900-01-01
        var checked = 0
        // Every 1 day 7 h 13 min 1.5 s: the time of day and the day of month drift through all values.
        while millis < 7_258_118_400_000 {  // 2200-01-01
            let start = MonthCut.monthStart(containing: millis)
            #expect(start == referenceMonthStart(millis), "\(millis)")
            #expect(MonthCut.monthStart(after: millis) == referenceMonthStart(start + 32 * Self.day), "\(millis)")
            millis += 112_381_500
            checked += 1
        }
        #expect(checked > 80_000)
        #expect(MonthCut.monthStart(containing: -1) == -31 * Self.day)  // 1969-12-01
        #expect(MonthCut.monthStart(containing: 951_868_799_999) == 949_363_200_000)  // 2000-02-29T23:59:59.999 → 2000-02-01
    }

    @Test("the head, whole months and tail tile the span exactly")
    func piecesTileTheSpan() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5_000 {
            let start = Int64.random(in: 1_600_000_000_000...1_900_000_000_000, using: &generator)
            let end = start + Int64.random(in: 0...(800 * Self.day), using: &generator)
            let cut = MonthCut(from: start, until: end)
            #expect(cut.head.lowerBound == start && cut.tail.upperBound == end)
            if cut.months.isEmpty {
                #expect(cut.head == start..<end && cut.tail.isEmpty)
                // No whole month fits: the month from the first month start on runs past the end.
                let first = MonthCut.monthStart(containing: start) == start ? start : MonthCut.monthStart(after: start)
                #expect(MonthCut.monthStart(after: first) > end)
            } else {
                #expect(cut.head.upperBound == cut.months.lowerBound && cut.months.upperBound == cut.tail.lowerBound)
                #expect(MonthCut.monthStart(containing: cut.months.lowerBound) == cut.months.lowerBound)
                #expect(MonthCut.monthStart(containing: cut.months.upperBound) == cut.months.upperBound)
                // The edges are shorter than a month and lie inside one.
                #expect(cut.head.isEmpty || MonthCut.monthStart(after: cut.head.lowerBound) == cut.head.upperBound)
                #expect(cut.tail.isEmpty || MonthCut.monthStart(containing: cut.tail.upperBound - 1) == cut.tail.lowerBound)
            }
        }
    }

    @Test("whole months, edges and reversed spans")
    func examples() {
        let january: Int64 = 1_704_067_200_000  // 2024-01-01
        let february: Int64 = 1_706_745_600_000
        let march: Int64 = 1_709_251_200_000
        let whole = MonthCut(from: january, until: march)
        #expect(whole.head.isEmpty && whole.months == january..<march && whole.tail.isEmpty)
        let ragged = MonthCut(from: january + Self.day, until: march + 5)
        #expect(ragged.head == (january + Self.day)..<february && ragged.months == february..<march && ragged.tail == march..<(march + 5))
        let inside = MonthCut(from: january + 1, until: february - 1)
        #expect(inside.head == (january + 1)..<(february - 1) && inside.months.isEmpty && inside.tail.isEmpty)
        // Any Int64 is a valid input: the extremes clamp instead of trapping.
        #expect(MonthCut(from: .min, until: .max).head.lowerBound == .min)
        #expect(MonthCut.monthStart(after: .max) == .max)
        let reversed = MonthCut(from: march, until: january)
        #expect(reversed.head.isEmpty && reversed.months.isEmpty && reversed.tail.isEmpty)
    }
}
