import Foundation

/// A partner's order (the seed's `PartnerOrder`), priced when it was placed.
public struct PartnerOrder: Equatable, Sendable {
    public struct Line: Equatable, Sendable {
        public var sku: String
        public var name: String
        public var quantity: Int
        public var listPrice: Money
        public var unitPrice: Money
        public var priceSource: PriceSource
        public var lineTotal: Money

        public init(
            sku: String, name: String, quantity: Int, listPrice: Money, unitPrice: Money, priceSource: PriceSource, lineTotal: Money
        ) {
            self.sku = sku
            self.name = name
            self.quantity = quantity
            self.listPrice = listPrice
            self.unitPrice = unitPrice
            self.priceSource = priceSource
            self.lineTotal = lineTotal
        }
    }

    public var id: UUID
    public var number: String
    public var partnerID: UUID
    /// The partner's company name, where the reader joined it.
    public var partnerName: String?
    public var status: OrderStatus
    /// `portal`, `api`, `sales_rep`, … as the spec names them.
    public var channel: String
    public var externalRef: String?
    public var requestedDeliveryDate: Date?
    public var lines: [Line]
    public var subtotal: Money
    public var total: Money
    public var placedAt: Date
    public var updatedAt: Date
    public var confirmedAt: Date?
    public var shippedAt: Date?
    public var deliveredAt: Date?
    public var cancelledAt: Date?

    public init(
        id: UUID, number: String, partnerID: UUID, partnerName: String?, status: OrderStatus, channel: String, externalRef: String?,
        requestedDeliveryDate: Date?, lines: [Line], subtotal: Money, total: Money, placedAt: Date, updatedAt: Date,
        confirmedAt: Date? = nil, shippedAt: Date? = nil, deliveredAt: Date? = nil, cancelledAt: Date? = nil
    ) {
        self.id = id
        self.number = number
        self.partnerID = partnerID
        self.partnerName = partnerName
        self.status = status
        self.channel = channel
        self.externalRef = externalRef
        self.requestedDeliveryDate = requestedDeliveryDate
        self.lines = lines
        self.subtotal = subtotal
        self.total = total
        self.placedAt = placedAt
        self.updatedAt = updatedAt
        self.confirmedAt = confirmedAt
        self.shippedAt = shippedAt
        self.deliveredAt = deliveredAt
        self.cancelledAt = cancelledAt
    }

    /// What the pricing engine took off list prices.
    public var discount: Money { Money(minorUnits: subtotal.minorUnits - total.minorUnits, currency: total.currency) }
}
