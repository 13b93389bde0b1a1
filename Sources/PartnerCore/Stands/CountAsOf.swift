/// A count applied as of the moment it was taken, not the moment it arrives. Sales and deliveries
/// recorded since then happened after the count, so both sides move by them:
///
///     expected at takenAt = on hand now + sold since − delivered since
///     on hand now         = counted − sold since + delivered since
///
/// The shelf never goes below zero; units sold beyond the count stay an unreconciled shortfall.
public struct CountAsOf: Equatable, Sendable {
    public let expected: Int
    public let onHand: Int
    public let shortfall: Int
    public let soldSince: Int
    public let deliveredSince: Int

    public init(counted: Int, onHandNow: Int, soldSince: Int, deliveredSince: Int) {
        self.soldSince = soldSince
        self.deliveredSince = deliveredSince
        expected = max(0, onHandNow + soldSince - deliveredSince)
        let applied = counted - soldSince + deliveredSince
        onHand = max(0, applied)
        shortfall = max(0, -applied)
    }
}
