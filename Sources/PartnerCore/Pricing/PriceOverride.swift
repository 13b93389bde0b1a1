import Foundation

/// A partner-specific price for one SKU: a fixed unit price or a discount off list, optionally
/// limited to a window of calendar days (both ends inclusive, midnight UTC).
public struct PriceOverride: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        case unitPrice(Money)
        case discount(basisPoints: Int)
    }

    public var sku: String
    public var kind: Kind
    public var validFrom: Date?
    public var validTo: Date?

    public init(sku: String, kind: Kind, validFrom: Date? = nil, validTo: Date? = nil) {
        self.sku = sku
        self.kind = kind
        self.validFrom = validFrom
        self.validTo = validTo
    }

    public func isValid(at date: Date) -> Bool {
        (validFrom.map { $0 <= date } ?? true) && (validTo.map { date < $0.addingTimeInterval(86_400) } ?? true)
    }

    public func price(from listPrice: Money) -> Money {
        switch kind {
        case .unitPrice(let price): price
        case .discount(let basisPoints): Percent.discounted(listPrice, by: basisPoints)
        }
    }
}
