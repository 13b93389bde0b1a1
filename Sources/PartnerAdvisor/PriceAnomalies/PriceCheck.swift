/// What the price-anomaly check knows about one SKU for one partner, in minor units of one
/// currency: the list price, the guardrail floor, the partner's tier price and current effective
/// price, what comparable partners paid, and what the partner itself paid before.
public struct PriceContext: Sendable, Hashable {
    public var listPrice: Int64
    public var floor: Int64?
    /// The partner's tier price (list less its tier discount); nil without a partner.
    public var tierPrice: Int64?
    /// The partner's effective price today (override, promotion, tier or list, floored).
    public var effectivePrice: Int64?
    /// One price per comparable partner: the median of what it paid for the SKU, so a partner that
    /// orders often does not outweigh one that orders rarely.
    public var peerPrices: [Double]
    /// The partner's own earlier prices for the SKU, oldest first.
    public var ownHistory: [Double]

    public init(
        listPrice: Int64, floor: Int64?, tierPrice: Int64?, effectivePrice: Int64?, peerPrices: [Double], ownHistory: [Double]
    ) {
        self.listPrice = listPrice
        self.floor = floor
        self.tierPrice = tierPrice
        self.effectivePrice = effectivePrice
        self.peerPrices = peerPrices
        self.ownHistory = ownHistory
    }
}

/// The verdict on one price.
public struct PriceVerdict: Sendable, Hashable {
    public struct Reason: Sendable, Hashable {
        /// `below_floor`, `above_list`, `outside_tier_band`, `peer_outlier` or `price_jump`.
        public let code: String
        public let detail: String
        /// How strongly this reason alone marks the price, 0–100.
        public let strength: Int

        public init(code: String, detail: String, strength: Int) {
            self.code = code
            self.detail = detail
            self.strength = strength
        }
    }

    public let anomalous: Bool
    /// How anomalous the price is, 0 (as expected) to 100 (a floor or list breach): the strongest
    /// reason's strength, or for a price without reasons half the peer z against the threshold.
    public let score: Int
    public let reasons: [Reason]
    /// The modified z against comparable partners, when there were enough of them.
    public let peerZ: Double?

    public init(anomalous: Bool, score: Int, reasons: [Reason], peerZ: Double?) {
        self.anomalous = anomalous
        self.score = score
        self.reasons = reasons
        self.peerZ = peerZ
    }

    /// A price with nothing to say about it.
    public static let unremarkable = PriceVerdict(anomalous: false, score: 0, reasons: [], peerZ: nil)
}
