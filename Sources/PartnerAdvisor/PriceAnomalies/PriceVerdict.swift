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
