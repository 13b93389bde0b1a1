/// A stand partner's commission for a period: the package rate on the period's sales, rounded
/// half up to the minor unit.
public struct StandPayout: Equatable, Sendable {
    public let sales: Money
    public let commissionBasisPoints: Int
    public let commission: Money

    public init(sales: Money, package: StandPackage) {
        self.init(sales: sales, commissionBasisPoints: package.commissionBasisPoints)
    }

    /// At a rate agreed with the stand (its package's rate when it enrolled).
    public init(sales: Money, commissionBasisPoints: Int) {
        self.sales = sales
        self.commissionBasisPoints = commissionBasisPoints
        let scaled = sales.minorUnits * Int64(commissionBasisPoints)
        commission = Money(minorUnits: (scaled + 5_000) / 10_000, currency: sales.currency)
    }
}
