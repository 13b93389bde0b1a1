import Foundation
import PartnerAdvisor
import Testing

@Suite struct PriceAnomalyTests {
    @Test func modifiedZFollowsIglewiczHoaglin() throws {
        let robust = try #require(RobustZ([10, 11, 12, 13, 14, 100]))
        #expect(robust.median == 12.5)
        #expect(robust.mad == 1.5)
        #expect(abs(robust.z(100) - 0.6745 * 87.5 / 1.5) < 1e-9)
        #expect(robust.isOutlier(100))
        #expect(!robust.isOutlier(14))
        #expect(RobustZ([]) == nil)
        #expect(RobustZ([.nan]) == nil)
    }

    @Test func madOfZeroFallsBackToTheMeanAbsoluteDeviation() throws {
        // Four of six equal: the MAD is 0, the mean absolute deviation is (0+0+0+0+2+4)/6 = 1.
        let robust = try #require(RobustZ([10, 10, 10, 10, 12, 14]))
        #expect(robust.mad == 0)
        #expect(robust.meanAbsoluteDeviation == 1)
        #expect(abs(robust.z(14) - 4 / 1.253314) < 1e-9)
        // All equal: within 1 % is no departure, beyond it the capped score.
        let identical = try #require(RobustZ([1_000, 1_000, 1_000, 1_000, 1_000]))
        #expect(identical.z(1_005) == 0)
        #expect(identical.z(1_200) == RobustZ.cap)
        #expect(identical.z(800) == -RobustZ.cap)
        #expect(identical.z(.infinity) == 0)
    }

    static let context = PriceContext(
        listPrice: 2_000, floor: 1_200, tierPrice: 1_800, effectivePrice: 1_800,
        peerPrices: [1_700, 1_750, 1_800, 1_850, 1_900, 1_800], ownHistory: [1_800, 1_800])

    @Test func theCurrentEffectivePriceIsNeverFlagged() {
        var context = Self.context
        context.effectivePrice = 1_100  // an override below the floor the engine would not give, still not the order's fault
        let verdict = PriceAnomalyDetector.check(unitPrice: 1_100, context: context)
        #expect(!verdict.anomalous)
        #expect(verdict.reasons.isEmpty)
        #expect(!PriceAnomalyDetector.check(unitPrice: 1_800, context: Self.context).anomalous)
    }

    @Test func eachRuleNamesItsReason() {
        let below = PriceAnomalyDetector.check(unitPrice: 1_000, context: Self.context)
        #expect(below.anomalous)
        #expect(below.score == 100)
        #expect(Set(below.reasons.map(\.code)) == ["below_floor", "outside_tier_band", "peer_outlier", "price_jump"])
        let above = PriceAnomalyDetector.check(unitPrice: 2_100, context: Self.context)
        #expect(above.reasons.map(\.code).contains("above_list"))
        // Within 10 % of list of the tier price and 3 % above its last price: nothing to flag.
        #expect(!PriceAnomalyDetector.check(unitPrice: 1_860, context: Self.context).anomalous)
        // +20 %: outside the band, far from the peers, a jump from its own last price.
        let up = PriceAnomalyDetector.check(unitPrice: 1_800 * 12 / 10, context: Self.context)
        #expect(up.anomalous)
        #expect(up.reasons.map(\.code).contains("peer_outlier"))
        #expect(up.reasons.first { $0.code == "price_jump" }?.detail == "+20 % against the partner's last price 18.00")
    }

    @Test func fewPeersAreNotCompared() {
        var context = Self.context
        context.peerPrices = [1_800, 1_800, 1_800, 1_800]
        context.tierPrice = nil
        context.ownHistory = []
        context.effectivePrice = nil
        let verdict = PriceAnomalyDetector.check(unitPrice: 1_500, context: context)
        #expect(verdict.peerZ == nil)
        #expect(!verdict.anomalous)
        #expect(verdict.score == 0)
    }
}
