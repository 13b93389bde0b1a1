import Foundation
import PartnerCore

/// Checks a price against the rules and the data, each reason with its own threshold:
/// - `below_floor` / `above_list`: below the guardrail floor or above the list price;
/// - `outside_tier_band`: more than `tierBand` of the list price away from both the partner's tier
///   price and the price its terms gave on the day (the override or promotion then in force);
/// - `peer_outlier`: |modified z| > 3.5 against what at least `minimumPeers` comparable partners
///   paid (`RobustZ`, Iglewicz–Hoaglin);
/// - `price_jump`: more than `jumpShare` away from the partner's own last price.
/// The partner's current effective price is never anomalous: it is what the pricing engine charges
/// today, so flagging it would flag the price list, not the order.
public enum PriceAnomalyDetector {
    public static let tierBand = 0.1
    public static let minimumPeers = 5
    public static let jumpShare = 0.15

    public static func check(unitPrice: Int64, context: PriceContext) -> PriceVerdict {
        let price = Double(unitPrice)
        func money(_ minor: Int64) -> String { Money(minorUnits: minor, currency: context.currency).amount }
        let peers = context.peerPrices.count >= minimumPeers ? RobustZ(context.peerPrices) : nil
        let z = peers?.z(price)
        if let effective = context.effectivePrice, unitPrice == effective {
            return PriceVerdict(anomalous: false, score: 0, reasons: [], peerZ: z)
        }
        var reasons: [PriceVerdict.Reason] = []
        if let floor = context.floor, unitPrice < floor {
            reasons.append(
                .init(code: "below_floor", detail: "\(money(unitPrice)) is below the guardrail floor \(money(floor))", strength: 100))
        }
        if unitPrice > context.listPrice {
            reasons.append(
                .init(code: "above_list", detail: "\(money(unitPrice)) is above the list price \(money(context.listPrice))", strength: 100))
        }
        // The band is around the tier price and around the price the partner's terms gave that day,
        // whichever is nearer: a promotion or override price is a legitimate distance from the tier.
        let anchors = [context.tierPrice.map { ($0, "the tier price") }, context.expectedPrice.map { ($0, "the price its terms gave") }]
        if context.listPrice > 0,
            let (anchor, name) = anchors.compactMap({ $0 }).min(by: { abs(price - Double($0.0)) < abs(price - Double($1.0)) })
        {
            let distance = abs(price - Double(anchor)) / Double(context.listPrice)
            if distance > tierBand {
                reasons.append(
                    .init(
                        code: "outside_tier_band",
                        detail: "\(money(unitPrice)) is \(percent(distance)) of list away from \(name) \(money(anchor)) "
                            + "(band ±\(percent(tierBand)))",
                        strength: min(100, Int((50 + distance * 100).rounded()))))
            }
        }
        if let peers, let z, abs(z) > RobustZ.threshold {
            reasons.append(
                .init(
                    code: "peer_outlier",
                    detail: "modified z \(String(format: "%.1f", z)) against the median \(money(Int64(peers.median.rounded()))) "
                        + "paid by \(peers.count) comparable partners (|z| > 3.5)",
                    strength: strength(z)))
        }
        if let last = context.ownHistory.last, last > 0 {
            let jump = (price - last) / last
            if abs(jump) > jumpShare {
                reasons.append(
                    .init(
                        code: "price_jump",
                        detail:
                            "\(jump > 0 ? "+" : "−")\(percent(abs(jump))) against the partner's last price \(money(Int64(last.rounded())))",
                        strength: min(100, Int((50 + abs(jump) * 100).rounded()))))
            }
        }
        let score = reasons.map(\.strength).max() ?? z.map { min(49, strength($0)) } ?? 0
        return PriceVerdict(anomalous: !reasons.isEmpty, score: score, reasons: reasons, peerZ: z)
    }

    /// 50 at the threshold, 100 at twice it.
    static func strength(_ z: Double) -> Int {
        min(100, Int((abs(z) / RobustZ.threshold * 50).rounded()))
    }

    static func percent(_ share: Double) -> String { "\(Int((share * 100).rounded())) %" }
}
