/// One SKU at one stand location: what is on the shelf, what is on its way, and the planogram's
/// levels.
public struct StockLevel: Equatable, Sendable {
    public var onHand: Int
    public var onOrder: Int
    public var parLevel: Int
    public var minLevel: Int
    /// The AI Stand Coach's reorder point while it is current (at most 7 days old); it replaces the
    /// planogram's minimum as the low line.
    public var reorderPoint: Int?

    public init(onHand: Int, onOrder: Int = 0, parLevel: Int, minLevel: Int, reorderPoint: Int? = nil) {
        self.onHand = onHand
        self.onOrder = onOrder
        self.parLevel = parLevel
        self.minLevel = minLevel
        self.reorderPoint = reorderPoint
    }

    /// The level at or below which the shelf is low: the coach's reorder point, else the minimum.
    public var lowLine: Int { reorderPoint ?? minLevel }

    /// Low when what is on the shelf is at or below the low line.
    public var isLow: Bool { onHand <= lowLine }

    /// The refill that restores par: par − on hand − on order, rounded up to whole packs
    /// (0 when nothing is needed).
    public func refillQuantity(packSize: Int) -> Int {
        let gap = parLevel - onHand - onOrder
        guard gap > 0 else { return 0 }
        let pack = max(packSize, 1)
        return (gap + pack - 1) / pack * pack
    }

    /// A sale takes what the shelf has; anything beyond it is a shortfall to reconcile at the next
    /// count (the shelf never goes negative).
    public func selling(_ quantity: Int) -> (level: StockLevel, shortfall: Int) {
        var next = self
        let sold = min(quantity, onHand)
        next.onHand -= sold
        return (next, quantity - sold)
    }

    /// Whether selling `quantity` takes this SKU from above its minimum to at or below it: the
    /// moment to raise exactly one low-stock alert.
    public func crossesLowLine(selling quantity: Int) -> Bool {
        !isLow && selling(quantity).level.isLow
    }

    /// Days the shelf lasts at `dailyDemand` units a day (`StandDemand.averageDaily`); `nil`
    /// without demand.
    public func daysOfCover(dailyDemand: Double) -> Double? {
        guard dailyDemand > 0 else { return nil }
        return Double(onHand) / dailyDemand
    }
}
