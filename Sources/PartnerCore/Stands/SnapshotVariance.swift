/// A counted line of an inventory snapshot against what the system expected.
public struct SnapshotVariance: Equatable, Sendable {
    public let sku: String
    public let expected: Int
    public let counted: Int
    /// counted − expected: negative is missing stock.
    public var variance: Int { counted - expected }
    /// Units missing from the shelf (never negative; surplus is not shrinkage).
    public var shrinkageUnits: Int { max(0, expected - counted) }

    public init(sku: String, expected: Int, counted: Int) {
        self.sku = sku
        self.expected = expected
        self.counted = counted
    }

    /// The value of the missing units at `unitCost`.
    public func shrinkageValue(unitCost: Money) throws(DomainError) -> Money {
        Money(
            minorUnits: try Checked.multiply(unitCost.minorUnits, Int64(shrinkageUnits), field: "shrinkageValue"),
            currency: unitCost.currency)
    }
}
