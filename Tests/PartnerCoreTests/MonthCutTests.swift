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

    /// How many times the cut counts the instant `t`: once per whole month, added span and (less)
    /// removed span holding it.
    private func count(_ t: Int64, in cut: MonthCut) -> Int {
        (cut.months.contains(MonthCut.monthStart(containing: t)) ? 1 : 0) + cut.added.filter { $0.contains(t) }.count
            - cut.removed.filter { $0.contains(t) }.count
    }

    @Test("counts every instant of the span once and nothing else, reading at most half of each ragged month")
    func countsTheSpanExactly() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3_000 {
            let start = Int64.random(in: 1_600_000_000_000...1_900_000_000_000, using: &generator)
            let end = start + Int64.random(in: 1...(800 * Self.day), using: &generator)
            let cut = MonthCut(from: start, until: end)
            var probes = [start - 1, start, end - 1, end, cut.months.lowerBound - 1, cut.months.lowerBound, cut.months.upperBound - 1]
            probes += (0..<40).map { _ in Int64.random(in: (start - 40 * Self.day)...(end + 40 * Self.day), using: &generator) }
            for t in probes {
                #expect(count(t, in: cut) == ((start..<end).contains(t) ? 1 : 0), "\(start)..<\(end) at \(t)")
            }
            #expect(cut.months.isEmpty || MonthCut.monthStart(containing: cut.months.lowerBound) == cut.months.lowerBound)
            #expect(cut.months.isEmpty || MonthCut.monthStart(containing: cut.months.upperBound) == cut.months.upperBound)
            for span in cut.added + cut.removed {
                // Every span of rows lies in one month and covers at most half of it.
                let month = MonthCut.monthStart(containing: span.lowerBound)
                let length = MonthCut.monthStart(after: month) - month
                #expect(MonthCut.monthStart(containing: span.upperBound - 1) == month)
                let read = (cut.added + cut.removed).filter { MonthCut.monthStart(containing: $0.lowerBound) == month }
                #expect(read.reduce(0) { $0 + $1.count } * 2 <= length, "\(start)..<\(end)")
            }
        }
    }

    @Test("whole months, ragged months read from their smaller side, and reversed spans")
    func examples() {
        let january: Int64 = 1_704_067_200_000  // 2024-01-01
        let february: Int64 = 1_706_745_600_000
        let march: Int64 = 1_709_251_200_000
        let whole = MonthCut(from: january, until: march)
        #expect(whole.months == january..<march && whole.added.isEmpty && whole.removed.isEmpty)
        // From the 2nd: January less its first day; to 5 ms into March: those 5 ms of rows.
        let ragged = MonthCut(from: january + Self.day, until: march + 5)
        #expect(ragged.months == january..<march && ragged.removed == [january..<(january + Self.day)])
        #expect(ragged.added == [march..<(march + 5)])
        // All of January but its first and last millisecond: the month less the two.
        let inside = MonthCut(from: january + 1, until: february - 1)
        #expect(inside.months == january..<february && inside.added.isEmpty)
        #expect(inside.removed == [january..<(january + 1), (february - 1)..<february])
        // Two days of January: those days' rows, no month.
        let days = MonthCut(from: january + Self.day, until: january + 3 * Self.day)
        #expect(days.months.isEmpty && days.added == [(january + Self.day)..<(january + 3 * Self.day)] && days.removed.isEmpty)
        // Any Int64 is a valid input: the extremes clamp instead of trapping.
        #expect(count(0, in: MonthCut(from: .min, until: .max)) == 1)
        #expect(count(.max - 1, in: MonthCut(from: .max - 1, until: .max)) == 1)
        #expect(MonthCut.monthStart(after: .max) == .max)
        let reversed = MonthCut(from: march, until: january)
        #expect(reversed.months.isEmpty && reversed.added.isEmpty && reversed.removed.isEmpty)
    }
}
