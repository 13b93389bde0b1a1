/// Items often bought together across the network: for each pair of SKUs, its support (the share
/// of orders holding both) and lift (support ÷ the product of each SKU's own support; above 1 means
/// bought together more often than chance) — the association measures of Agrawal, Imieliński &
/// Swami (1993), "Mining association rules between sets of items in large databases", SIGMOD,
/// and Brin et al. (1997) for lift. A pair counts only when it was seen at `minimumPartners`
/// distinct partners or more, so no one partner's basket shows through.
public enum BoughtTogether {
    public static let minimumPartners = 5

    public struct Basket: Sendable, Hashable {
        public var partner: String
        public var skus: Set<String>

        public init(partner: String, skus: Set<String>) {
            self.partner = partner
            self.skus = skus
        }
    }

    public struct Pair: Sendable, Hashable {
        public let sku: String
        public let with: String
        public let support: Double
        public let lift: Double
        public let partners: Int
    }

    /// Pairs of `skus` with any other SKU, lift above 1, best lift first (at most `limit` per SKU).
    public static func pairs(
        _ baskets: [Basket], for skus: Set<String>, minimumPartners: Int = minimumPartners, limit: Int = 3
    ) -> [Pair] {
        let total = Double(baskets.count)
        guard total > 0, !skus.isEmpty else { return [] }
        var single: [String: Int] = [:]
        var together: [String: [String: Int]] = [:]
        var partners: [String: [String: Set<String>]] = [:]
        for basket in baskets {
            for sku in basket.skus { single[sku, default: 0] += 1 }
            for sku in basket.skus where skus.contains(sku) {
                for other in basket.skus where other != sku {
                    together[sku, default: [:]][other, default: 0] += 1
                    partners[sku, default: [:]][other, default: []].insert(basket.partner)
                }
            }
        }
        var result: [Pair] = []
        for sku in skus.sorted() {
            guard let own = single[sku], own > 0 else { continue }
            let candidates = (together[sku] ?? [:]).compactMap { other, count -> Pair? in
                let seenAt = partners[sku]?[other]?.count ?? 0
                guard seenAt >= minimumPartners, let theirs = single[other], theirs > 0 else { return nil }
                let support = Double(count) / total
                let lift = support / ((Double(own) / total) * (Double(theirs) / total))
                guard lift > 1 else { return nil }
                return Pair(
                    sku: sku, with: other, support: (support * 10_000).rounded() / 10_000, lift: (lift * 100).rounded() / 100,
                    partners: seenAt)
            }
            result += candidates.sorted { ($1.lift, $0.with) < ($0.lift, $1.with) }.prefix(limit)
        }
        return result
    }
}
