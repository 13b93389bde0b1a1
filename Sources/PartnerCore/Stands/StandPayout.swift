/// A stand partner's commission for a period: the package rate on the period's sales plus any late
/// sales from months already closed (the adjustment), rounded half up to the minor unit. The
/// product is checked: sums of many sales must never trap.
public struct StandPayout: Equatable, Sendable {
    public let sales: Money
    public let adjustment: Money
    public let commissionBasisPoints: Int
    public let commission: Money

    public init(sales: Money, adjustment: Money? = nil, package: StandPackage) throws(DomainError) {
        try self.init(sales: sales, adjustment: adjustment, commissionBasisPoints: package.commissionBasisPoints)
    }

    /// At a rate agreed with the stand (its package's rate when it enrolled).
    public init(sales: Money, adjustment: Money? = nil, commissionBasisPoints: Int) throws(DomainError) {
        self.sales = sales
        self.adjustment = adjustment ?? Money(minorUnits: 0, currency: sales.currency)
        self.commissionBasisPoints = commissionBasisPoints
        let basis = try Checked.add(sales.minorUnits, self.adjustment.minorUnits, field: "sales")
        let minor = try Checked.basisPoints(commissionBasisPoints, of: basis, field: "commission")
        commission = Money(minorUnits: minor, currency: sales.currency)
    }
}
