import Foundation
import Testing

@testable import PartnerCore

@Suite("Months, performance series and tier review")
struct PerformanceTests {
    @Test func monthsParseRollAndRange() throws {
        let november = try #require(Month("2026-11"))
        #expect(november.adding(2).description == "2027-01")
        #expect(november.adding(-11).description == "2025-12")
        #expect(november.adding(-23).description == "2024-12")
        #expect(
            Month.range(try #require(Month("2026-10")), try #require(Month("2027-01"))).map(\.description) == [
                "2026-10", "2026-11", "2026-12", "2027-01",
            ])
        #expect(Month("2026-13") == nil && Month("26-01") == nil)
        #expect(Month(containing: CalendarDay.parse("2026-02-28")!).description == "2026-02")
    }

    @Test func seriesFillsGapsAndComputesGrowth() throws {
        let march = try #require(Month("2026-03"))
        let totals: [Month: (revenue: Int64, orders: Int, loyalty: Int)] = [
            march.adding(-12): (50_000, 2, 0), march.adding(-1): (100_000, 4, 10), march: (150_000, 3, 20),
        ]
        let series = MonthlyPerformance.series(
            months: Month.range(march.adding(-2), march), totals: totals, currency: .eur, monthlyTarget: 200_000)
        #expect(series.map(\.revenue.minorUnits) == [0, 100_000, 150_000])
        #expect(series[0].growthVsPreviousMonth == nil)
        #expect(series[2].growthVsPreviousMonth == 50)
        #expect(series[2].growthVsLastYear == 200)
        #expect(series[2].targetAttainment == 75)
        #expect(series[2].averageOrderValue.minorUnits == 50_000)
        #expect(series[0].averageOrderValue.minorUnits == 0)
    }

    @Test func tierReviewSuggestsTheTierTheRevenueEarns() {
        let tiers = TierDefinition.defaults
        let gold = tiers.first { $0.code == "gold" }
        func review(_ euros: Int64, current: TierDefinition?) -> TierReview {
            TierReview(trailingRevenue: Money(minorUnits: euros * 100, currency: .eur), type: .dealer, current: current, tiers: tiers)
        }
        #expect(review(120_000, current: gold).action == .keep)
        #expect(review(300_000, current: gold).suggestedCode == "platinum")
        #expect(review(300_000, current: gold).action == .upgrade)
        #expect(review(30_000, current: gold).action == .downgrade)
        #expect(review(30_000, current: gold).suggestedCode == "silver")
        #expect(review(120_000, current: gold).nextCode == "platinum")
        #expect(review(120_000, current: gold).revenueToNext?.minorUnits == 13_000_000)
        let stand = TierReview(trailingRevenue: Money(minorUnits: 1_500_000, currency: .eur), type: .stand, current: nil, tiers: tiers)
        #expect(stand.suggestedCode == "plus")
    }
}
