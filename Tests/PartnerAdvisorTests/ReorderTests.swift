import Foundation
import PartnerAdvisor
import Testing

@Suite struct ReorderTests {
    static let now = Date(timeIntervalSince1970: 1_795_003_200)  // 2026-11-18T12:00:00Z

    static func order(_ sku: String, daysAgo: Double, _ quantity: Int) -> ReorderSuggester.Order {
        .init(sku: sku, placedAt: now.addingTimeInterval(-daysAgo * 86_400), quantity: quantity)
    }

    @Test func dueSKUsFollowTheirOwnRhythm() throws {
        let history = [
            // Every 30 days, last 25 days ago: due in 5 days.
            Self.order("SER-001", daysAgo: 115, 12), Self.order("SER-001", daysAgo: 85, 12), Self.order("SER-001", daysAgo: 55, 12),
            Self.order("SER-001", daysAgo: 25, 18),
            // Every 90 days, last 10 days ago: not due within 30 days.
            Self.order("LIP-001", daysAgo: 190, 6), Self.order("LIP-001", daysAgo: 100, 6), Self.order("LIP-001", daysAgo: 10, 6),
            // Once: no rhythm.
            Self.order("ONE-001", daysAgo: 40, 6),
        ]
        let suggestions = ReorderSuggester.suggest(history, packSizes: ["SER-001": 6], now: Self.now, horizonDays: 30)
        let serum = try #require(suggestions.first)
        #expect(suggestions.map(\.sku) == ["SER-001"])
        #expect(serum.predictedOrderDate == Self.now.addingTimeInterval(5 * 86_400 - 12 * 3_600))
        // Median of the last three (12, 12, 18) = 12, trend 18 / 12 = 1.5 → 18, three packs of 6.
        #expect(serum.quantity == 18)
        // Three equal gaps: CV 0, evidence 3 / 4.
        #expect(serum.confidence == 0.75)
        #expect(serum.rationale.contains("usually every 30 days"))
        let longer = ReorderSuggester.suggest(history, packSizes: [:], now: Self.now, horizonDays: 180)
        #expect(Set(longer.map(\.sku)) == ["SER-001", "LIP-001"])
    }

    @Test func overdueSKUsAreDueTodayWithLessConfidence() throws {
        let history = [Self.order("A", daysAgo: 45, 5), Self.order("A", daysAgo: 35, 5), Self.order("A", daysAgo: 25, 5)]
        let suggestion = try #require(ReorderSuggester.suggest(history, packSizes: ["A": 4], now: Self.now, horizonDays: 1).first)
        #expect(suggestion.predictedOrderDate == Self.now.addingTimeInterval(-12 * 3_600))
        #expect(suggestion.quantity == 8)
        #expect(suggestion.confidence == 0.25)  // 2 gaps of 4, halved for being overdue by more than a gap
        // Silent for 80 days after ordering every 10: dropped, not due.
        let lapsed = [Self.order("A", daysAgo: 100, 5), Self.order("A", daysAgo: 90, 5), Self.order("A", daysAgo: 80, 5)]
        #expect(ReorderSuggester.suggest(lapsed, packSizes: [:], now: Self.now, horizonDays: 30).isEmpty)
        #expect(ReorderSuggester.suggest([], packSizes: [:], now: Self.now, horizonDays: 30).isEmpty)
    }

    @Test func theNaiveBaselineRepeatsTheLastOrder() {
        let history = [Self.order("A", daysAgo: 20, 5), Self.order("B", daysAgo: 3, 2), Self.order("C", daysAgo: 3, 1)]
        let naive = ReorderSuggester.naive(history, now: Self.now)
        #expect(naive.map(\.sku) == ["B", "C"])
        #expect(naive.map(\.quantity) == [2, 1])
    }

    @Test func boughtTogetherNeedsFivePartners() throws {
        // Tiny baskets: A and B together at four partners only, A and C at five.
        var baskets: [BoughtTogether.Basket] = []
        for partner in 0..<4 { baskets.append(.init(partner: "p\(partner)", skus: ["A", "B"])) }
        for partner in 0..<5 { baskets.append(.init(partner: "q\(partner)", skus: ["A", "C"])) }
        for partner in 0..<6 { baskets.append(.init(partner: "r\(partner)", skus: ["D"])) }
        let pairs = BoughtTogether.pairs(baskets, for: ["A"])
        let pair = try #require(pairs.first)
        #expect(pairs.count == 1)
        #expect(pair.with == "C")
        #expect(pair.partners == 5)
        // support 5/15; lift = (5/15) / ((9/15)(5/15)) = 15/9.
        #expect(pair.support == 0.3333)
        #expect(pair.lift == 1.67)
        // One partner ordering A and C many times does not make a pair.
        let one = (0..<20).map { _ in BoughtTogether.Basket(partner: "solo", skus: ["A", "C"]) } + [.init(partner: "x", skus: ["D"])]
        #expect(BoughtTogether.pairs(one, for: ["A"]).isEmpty)
        #expect(BoughtTogether.pairs([], for: ["A"]).isEmpty)
    }
}
