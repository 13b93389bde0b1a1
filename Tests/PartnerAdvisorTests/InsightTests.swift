import Foundation
import PartnerAdvisor
import Testing

@Suite struct InsightTests {
    @Test func largestRemainderAddsUpExactly() {
        #expect(LargestRemainder.apportion([33.3, 33.3, 33.4], total: 100) == [33, 33, 34])
        #expect(LargestRemainder.apportion([10.5, 20.5, 0.5], total: 32) == [11, 21, 0])
        #expect(LargestRemainder.apportion([12.6, 7.7, 0.2], total: 20) == [12, 8, 0])
        #expect(LargestRemainder.apportion([.nan, -3, 5], total: 5) == [0, 0, 5])
        var generator = SplitMix64(seed: 5)
        for _ in 0..<500 {
            let shares = (0..<Int(1 + generator.nextUnit() * 6)).map { _ in generator.nextUnit() * 40 }
            let total = Int(shares.reduce(0, +).rounded())
            let parts = LargestRemainder.apportion(shares, total: total)
            #expect(parts.reduce(0, +) == total)
            for (part, share) in zip(parts, shares) { #expect(abs(Double(part) - share) < 1) }
        }
    }

    @Test func levelsCutAt70And40() {
        #expect(InsightLevel(score: 100) == .good)
        #expect(InsightLevel(score: 70) == .good)
        #expect(InsightLevel(score: 69) == .watch)
        #expect(InsightLevel(score: 40) == .watch)
        #expect(InsightLevel(score: 39) == .act)
        #expect(InsightLevel(score: 0) == .act)
    }

    static let card = Scorecard([
        .init(key: "a", label: "Lines in stock (%)", value: 83.3, weight: 30, attainment: 0.833, display: "83 %"),
        .init(key: "b", label: "Risk of running out (%)", value: 45, weight: 50, attainment: 0.55, display: "45 %"),
        .init(key: "c", label: "Covered lines (%)", value: 90, weight: 20, attainment: 0.9, display: "90 %"),
    ])

    @Test func factorsAddUpToTheScore() {
        #expect(Self.card.score == 70)
        #expect(Self.card.factors.map(\.contribution) == [25, 27, 18])
        #expect(Self.card.factors.map(\.contribution).reduce(0, +) == Self.card.score)
        #expect(Self.card.level == .good)
        var generator = SplitMix64(seed: 9)
        for _ in 0..<300 {
            let card = Scorecard(
                (0..<5).map { index in
                    .init(key: "\(index)", label: "F\(index)", value: 0, weight: 20, attainment: generator.nextUnit(), display: "")
                })
            #expect(card.factors.map(\.contribution).reduce(0, +) == card.score)
            #expect((0...100).contains(card.score))
        }
    }

    @Test func theStoryboardNamesTheWeakestFactorsWithTheirNumbers() {
        let recommendations = [
            InsightRecommendation(action: "later", priority: .low, rationale: "Check the par levels"),
            InsightRecommendation(action: "refill_now", priority: .high, rationale: "Refill Main Street now: 3 lines are due"),
        ]
        let story = StoryboardBuilder.build(
            subject: "Stand A", title: "refill outlook", scorecard: Self.card, summary: "12 lines forecast.",
            recommendations: recommendations)
        #expect(story.headline == "Stand A: refill outlook 70/100 — good")
        #expect(story.whatHappened == "12 lines forecast. Score 70 of 100 (good, 70–100).")
        #expect(
            story.why
                == "The score is held back most by risk of running out (%) at 45 % (27 of 50 points) and lines in stock (%) at 83 % (25 of 30 points). Strongest: covered lines (%) at 90 % (18 of 20 points)."
        )
        #expect(story.whatNext == "First: Refill Main Street now: 3 lines are due. Then: Check the par levels.")
        let insight = Insight(
            kind: "refill_forecast", scorecard: Self.card, recommendations: recommendations, storyboard: story,
            window: .init(from: Date(timeIntervalSince1970: 0), through: Date(timeIntervalSince1970: 86_400)),
            generatedAt: Date(timeIntervalSince1970: 90_000))
        #expect(insight.recommendations.first?.action == "refill_now")
        #expect(insight.modelVersion == PartnerAdvisor.modelVersion)
    }

    @Test func mannKendallMatchesTheTextbookAndSeesNoTrendInNoise() throws {
        let rising = try #require(MannKendall([1, 2, 3, 4, 5]))
        #expect(rising.s == 10)
        // Var(S) = 5·4·15/18 = 16.67, Z = 9/√16.67 = 2.205, p = 0.0275.
        #expect(abs(rising.z - 2.2045) < 1e-3)
        #expect(abs(rising.pValue - 0.0275) < 1e-3)
        #expect(rising.slope == 1)
        #expect(rising.direction() == .rising)
        #expect(MannKendall([3, 3, 3, 3, 3])?.direction() == .flat)
        var generator = SplitMix64(seed: 1)
        let noise = (0..<84).map { _ in generator.nextUnit() < 0.3 ? 1.0 : 0 }
        #expect(MannKendall(noise)?.direction() == .flat)
        let falling = (0..<84).map { Double(84 - $0) / 10 + (generator.nextUnit() < 0.5 ? 1 : 0) }
        #expect(MannKendall(falling)?.direction() == .falling)
        #expect(MannKendall([1, 2, 3]) == nil)
    }

    @Test func haversineAndTheKernel() {
        let berlin = GeoPoint(latitude: 52.52, longitude: 13.405)
        let munich = GeoPoint(latitude: 48.1351, longitude: 11.582)
        #expect(abs(berlin.distance(to: munich) - 504.4) < 1)
        #expect(berlin.distance(to: berlin) == 0)
        let kernel = GeoKernel(bandwidthKm: 10)
        #expect(abs(kernel.weight(distance: 10) - 0.6065) < 1e-4)
        let near = GeoPoint(latitude: 52.53, longitude: 13.41)
        let mean = kernel.weightedMean(at: berlin, of: [(near, 10), (munich, 100)])
        #expect(abs((mean.mean ?? 0) - 10) < 1e-6)
    }

    @Test func expansionPrefersStrongEmptyAreas() {
        let berlin = GeoPoint(latitude: 52.52, longitude: 13.405)
        let shelves =
            (0..<6).map { index in
                ExpansionInsight.Shelf(
                    point: GeoPoint(latitude: 52.52 + Double(index) * 0.05, longitude: 13.405), venueType: "pharmacy", region: "DACH",
                    unitsPerDay: 3)
            } + [
                ExpansionInsight.Shelf(
                    point: GeoPoint(latitude: 48.1, longitude: 11.6), venueType: "salon", region: "South", unitsPerDay: 0.5)
            ]
        let network = ExpansionInsight.Network(shelves: shelves, dealerDemand: ["DACH": 900, "South": 100, "North": 300])
        let free = ExpansionInsight.scorecard(
            .init(name: "Berlin West", point: GeoPoint(latitude: 52.50, longitude: 13.20), venueType: "pharmacy", region: "DACH"),
            network: network)
        let crowded = ExpansionInsight.scorecard(
            .init(name: "Berlin Mitte", point: berlin, venueType: "pharmacy", region: "DACH"), network: network)
        let weak = ExpansionInsight.scorecard(
            .init(name: "Munich", point: GeoPoint(latitude: 48.14, longitude: 11.58), venueType: "salon", region: "South"),
            network: network)
        #expect(free.score > crowded.score)
        #expect(crowded.score > weak.score)
        #expect(free.factors.map(\.contribution).reduce(0, +) == free.score)
    }
}
