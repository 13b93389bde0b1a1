import Foundation
import PartnerAdvisor
import PartnerCore
import Testing

/// A historical line judged on the terms of its day: a promotion then running, an override then in
/// force, the tier the partner had then — none of them flagged, a ±20 % move still caught.
@Suite struct PriceAnomalyTermsTests {
    static let list: Int64 = 2_000
    static let start = Date(timeIntervalSince1970: 1_780_000_000)
    static func at(_ days: Int) -> Date { start.addingTimeInterval(Double(days) * 86_400) }

    /// Six comparable partners, each paying what its own terms gave: list, silver, a promotion, gold,
    /// an override, list. As paid the prices spread from 15.00 to 20.00; on their terms they agree.
    static let peers: [PaidPrice] = zip([2_000, 1_900, 1_700, 1_800, 1_500, 2_000] as [Int64], 0...).flatMap { price, index in
        let partner = UUID()
        return [10, 40].map { PaidPrice(partnerID: partner, unitPrice: price, expectedPrice: price, placedAt: at($0 + index)) }
    }

    static func judged(_ price: Int64, tier: Int64, expected: Int64, own: [PaidPrice]) -> PriceVerdict {
        let context = PriceContext(
            listPrice: list, floor: 1_200, tierPrice: tier, expectedPrice: expected, effectivePrice: nil, peers: peers, own: own)
        return PriceAnomalyDetector.check(unitPrice: price, context: context)
    }

    /// The same price judged as before terms were kept: the tier of today, peers and own prices as paid.
    static func judgedOnTodaysTier(_ price: Int64, tier: Int64, own: [Double]) -> PriceVerdict {
        let medians = Dictionary(grouping: peers, by: \.partnerID).values.map { Double($0[0].unitPrice) }
        let context = PriceContext(
            listPrice: list, floor: 1_200, tierPrice: tier, effectivePrice: nil, peerPrices: medians, ownHistory: own)
        return PriceAnomalyDetector.check(unitPrice: price, context: context)
    }

    static func assertMovesAreCaught(_ price: Int64, tier: Int64, expected: Int64, own: [PaidPrice]) {
        for moved in [price * 12 / 10, price * 8 / 10] {
            #expect(judged(moved, tier: tier, expected: expected, own: own).anomalous, "\(moved) should be flagged")
        }
    }

    @Test func aPromotionPriceOfItsDayIsNotFlagged() {
        let partner = UUID()
        // A bronze partner (tier price = list) bought at list, then 15 % off in a promotion.
        let own = [PaidPrice(partnerID: partner, unitPrice: 2_000, expectedPrice: 2_000, placedAt: Self.at(5))]
        let verdict = Self.judged(1_700, tier: 2_000, expected: 1_700, own: own)
        #expect(!verdict.anomalous, "\(verdict.reasons)")
        #expect(verdict.peerZ == 0)
        Self.assertMovesAreCaught(1_700, tier: 2_000, expected: 1_700, own: own)
        // Without the promotion in view the same price is 15 % of list below the tier price.
        #expect(Self.judgedOnTodaysTier(1_700, tier: 2_000, own: [2_000]).reasons.map(\.code) == ["outside_tier_band"])
    }

    @Test func anOverridePriceInForceIsNotFlagged() {
        let partner = UUID()
        // A silver partner paid its tier price until an override of 15.00 started.
        let own = [
            PaidPrice(partnerID: partner, unitPrice: 1_900, expectedPrice: 1_900, placedAt: Self.at(3)),
            PaidPrice(partnerID: partner, unitPrice: 1_500, expectedPrice: 1_500, placedAt: Self.at(30)),
        ]
        #expect(!Self.judged(1_500, tier: 1_900, expected: 1_500, own: own).anomalous)
        Self.assertMovesAreCaught(1_500, tier: 1_900, expected: 1_500, own: own)
        // +20 % lands near the tier price, inside its band: the peers and the partner's own last price catch it.
        let up = Self.judged(1_800, tier: 1_900, expected: 1_500, own: own)
        #expect(Set(up.reasons.map(\.code)) == ["peer_outlier", "price_jump"])
        #expect(Self.judgedOnTodaysTier(1_500, tier: 1_900, own: [1_900]).anomalous)
    }

    @Test func theOldTierPriceBeforeATierChangeIsNotFlagged() {
        let partner = UUID()
        // Silver (19.00) then, gold (18.00) today.
        let own = [PaidPrice(partnerID: partner, unitPrice: 1_900, expectedPrice: 1_900, placedAt: Self.at(8))]
        #expect(!Self.judged(1_900, tier: 1_900, expected: 1_900, own: own).anomalous)
        Self.assertMovesAreCaught(1_900, tier: 1_900, expected: 1_900, own: own)
        // On today's terms the silver price is 5.6 % above what gold partners pay: an outlier among equals.
        let today = PriceAnomalyDetector.check(
            unitPrice: 1_900,
            context: PriceContext(
                listPrice: Self.list, floor: 1_200, tierPrice: 1_800, expectedPrice: 1_800, effectivePrice: nil, peers: Self.peers, own: own
            ))
        #expect(today.reasons.map(\.code) == ["peer_outlier"])
    }

    @Test func pricesPaidOnOtherTermsAreRestatedOnThisLinesTerms() {
        let peer = UUID()
        let partner = UUID()
        let context = PriceContext(
            listPrice: 2_000, floor: nil, tierPrice: 1_800, expectedPrice: 1_600, effectivePrice: nil,
            peers: [
                PaidPrice(partnerID: peer, unitPrice: 1_700, expectedPrice: 1_700, placedAt: Self.at(1)),
                PaidPrice(partnerID: peer, unitPrice: 2_100, expectedPrice: 2_000, placedAt: Self.at(2)),
                PaidPrice(partnerID: UUID(), unitPrice: 900, expectedPrice: 0, placedAt: Self.at(2)),
            ],
            own: [
                PaidPrice(partnerID: partner, unitPrice: 1_900, expectedPrice: 1_900, placedAt: Self.at(9)),
                PaidPrice(partnerID: partner, unitPrice: 1_710, expectedPrice: 1_800, placedAt: Self.at(4)),
            ])
        // One price per peer: the median of 1.00 and 1.05 of its terms, times this line's 16.00; a
        // price without terms is left out.
        #expect(context.peerPrices == [1_640])
        #expect(context.ownHistory == [1_520, 1_600])
        #expect(context.expectedPrice == 1_600)
    }
}
