import PartnerCore

/// What the price-anomaly check knows about one SKU for one partner, in minor units of one
/// currency, on the day the price was (or is to be) charged: the list price, the guardrail floor,
/// the partner's tier price and the price its terms gave (override, promotion or tier then), its
/// current effective price, what comparable partners paid, and what the partner itself paid before.
public struct PriceContext: Sendable, Hashable {
    public var listPrice: Int64
    public var floor: Int64?
    /// The partner's tier price on the day (list less the discount of the tier it had then); nil
    /// without a partner.
    public var tierPrice: Int64?
    /// What the pricing engine charged the partner on the day: the override then in force, else the
    /// best promotion then running, else the tier price, never below the floor. A promotion or an
    /// override price is legitimate though it lies outside the tier band.
    public var expectedPrice: Int64?
    /// The partner's effective price today (override, promotion, tier or list, floored), for prices
    /// about to be charged; never flagged.
    public var effectivePrice: Int64?
    /// One price per comparable partner: the median of what it paid for the SKU, so a partner that
    /// orders often does not outweigh one that orders rarely (`init(…, peers:, own:)` restates each
    /// on this price's terms).
    public var peerPrices: [Double]
    /// The partner's own earlier prices for the SKU, oldest first.
    public var ownHistory: [Double]
    /// The currency of every price here, for the reasons' wording.
    public var currency: Currency

    public init(
        listPrice: Int64, floor: Int64?, tierPrice: Int64?, expectedPrice: Int64? = nil, effectivePrice: Int64?, peerPrices: [Double],
        ownHistory: [Double], currency: Currency = .eur
    ) {
        self.listPrice = listPrice
        self.floor = floor
        self.tierPrice = tierPrice
        self.expectedPrice = expectedPrice
        self.effectivePrice = effectivePrice
        self.peerPrices = peerPrices
        self.ownHistory = ownHistory
        self.currency = currency
    }
}
