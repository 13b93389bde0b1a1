import Foundation

/// One price a partner paid for a SKU, beside the price its terms gave that day (`expectedPrice`:
/// the pricing engine's price from the tier, override and promotions then in force).
public struct PaidPrice: Sendable, Hashable {
    public let partnerID: UUID
    public let unitPrice: Int64
    public let expectedPrice: Int64
    public let placedAt: Date

    public init(partnerID: UUID, unitPrice: Int64, expectedPrice: Int64, placedAt: Date) {
        self.partnerID = partnerID
        self.unitPrice = unitPrice
        self.expectedPrice = expectedPrice
        self.placedAt = placedAt
    }

    /// What was paid over what the terms gave (1 for a price charged as the engine priced it); nil
    /// without a positive expected price.
    public var index: Double? {
        expectedPrice > 0 ? Double(unitPrice) / Double(expectedPrice) : nil
    }
}
