import PartnerCore

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
    /// The currency of every price here, for the reasons' wording.
    public var currency: Currency

    public init(
        listPrice: Int64, floor: Int64?, tierPrice: Int64?, effectivePrice: Int64?, peerPrices: [Double], ownHistory: [Double],
        currency: Currency = .eur
    ) {
        self.listPrice = listPrice
        self.floor = floor
        self.tierPrice = tierPrice
        self.effectivePrice = effectivePrice
        self.peerPrices = peerPrices
        self.ownHistory = ownHistory
        self.currency = currency
    }
}
