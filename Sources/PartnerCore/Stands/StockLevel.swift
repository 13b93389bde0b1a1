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
    /// With a current reorder point: days the coach lets an empty shelf wait before its refill is
    /// due (0: at once), for targets below what one refill at empty serves.
    public var waitDays: Int
    /// Whole days the shelf has stood empty (0 while it has stock or emptied today).
    public var emptyDays: Int

    public init(
        onHand: Int, onOrder: Int = 0, parLevel: Int, minLevel: Int, reorderPoint: Int? = nil, waitDays: Int = 0, emptyDays: Int = 0
    ) {
        self.onHand = onHand
        self.onOrder = onOrder
        self.parLevel = parLevel
        self.minLevel = minLevel
        self.reorderPoint = reorderPoint
        self.waitDays = waitDays
        self.emptyDays = emptyDays
    }

    /// The level at or below which the shelf is low: the coach's reorder point, else the minimum.
    public var lowLine: Int { reorderPoint ?? minLevel }

    /// Low when what is on the shelf is at or below the low line — or, for a line the coach lets
    /// wait, once its shelf has stood empty for the wait.
    public var isLow: Bool {
        if reorderPoint != nil, waitDays > 0 { return onHand <= 0 && emptyDays >= waitDays }
        return onHand <= lowLine
    }

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
        if sold > 0 { next.emptyDays = 0 }
        return (next, quantity - sold)
    }

    /// The level once a count finds `onHand` on the shelf: a shelf counted empty that was not
    /// empty before starts its wait now.
    public func counted(_ onHand: Int) -> StockLevel {
        var next = self
        if onHand != self.onHand { next.emptyDays = 0 }
        next.onHand = max(0, onHand)
        return next
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
