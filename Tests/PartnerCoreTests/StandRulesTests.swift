import Testing

@testable import PartnerCore

@Suite("Stand Program rules")
struct StandRulesTests {
    @Test func packagesGrowFromStarterToPro() {
        #expect(StandPackage.allCases.sorted() == [.starter, .plus, .pro])
        #expect(StandPackage.allCases.map(\.planogramSize) == [12, 20, 30])
        #expect(!StandPackage.starter.autoRefill && StandPackage.pro.autoRefill)
        #expect(Set(StandPackage.allCases.map(\.rawValue)) == Set(TierDefinition.defaults.filter { $0.applies(to: .stand) }.map(\.code)))
    }

    @Test func refillsRestoreParInWholePacks() {
        let level = StockLevel(onHand: 3, onOrder: 2, parLevel: 12, minLevel: 4)
        #expect(level.refillQuantity(packSize: 6) == 12)  // gap 7 → two packs of six
        #expect(level.refillQuantity(packSize: 1) == 7)
        #expect(StockLevel(onHand: 10, onOrder: 4, parLevel: 12, minLevel: 4).refillQuantity(packSize: 6) == 0)
        #expect(level.refillQuantity(packSize: 0) == 7)
    }

    @Test func salesNeverTakeTheShelfBelowZero() {
        let level = StockLevel(onHand: 5, parLevel: 12, minLevel: 4)
        let (after, shortfall) = level.selling(7)
        #expect(after.onHand == 0 && shortfall == 2)
        #expect(level.selling(1).shortfall == 0)
    }

    @Test func theLowLineIsCrossedOnce() {
        let level = StockLevel(onHand: 6, parLevel: 12, minLevel: 4)
        #expect(!level.crossesLowLine(selling: 1))
        #expect(level.crossesLowLine(selling: 2))  // 6 → 4: at the minimum is low
        #expect(!level.selling(2).level.crossesLowLine(selling: 1))  // already low: no second alert
        #expect(StockLevel(onHand: 8, parLevel: 12, minLevel: 4).daysOfCover(dailyDemand: 2) == 4)
        #expect(StockLevel(onHand: 8, parLevel: 12, minLevel: 4).daysOfCover(dailyDemand: 0) == nil)
    }

    @Test func aLineTheCoachLetsWaitIsLowOnlyOnceItsShelfStoodEmptyForTheWait() {
        let waiting = StockLevel(onHand: 1, parLevel: 12, minLevel: 4, reorderPoint: 0, waitDays: 3)
        #expect(!waiting.isLow)
        #expect(!waiting.crossesLowLine(selling: 1))  // emptied today: the wait starts now
        var empty = waiting.selling(1).level
        #expect(empty.onHand == 0 && empty.emptyDays == 0 && !empty.isLow)
        empty.emptyDays = 2
        #expect(!empty.isLow)
        empty.emptyDays = 3
        #expect(empty.isLow)
        #expect(empty.counted(0).isLow)  // a count that finds it still empty keeps the wait
        #expect(!empty.counted(2).counted(0).isLow)  // stock found, then empty again: a new wait
        // Without a current reorder point the wait does not apply: the minimum rules.
        #expect(StockLevel(onHand: 4, parLevel: 12, minLevel: 4, waitDays: 3).isLow)
    }

    @Test func refillLifecycle() throws {
        var status = RefillStatus.requested
        for next in [RefillStatus.approved, .shipped, .delivered, .confirmed] { status = try status.moving(to: next) }
        #expect(status == .confirmed && !status.isOpen)
        #expect(throws: RefillError.illegalStatusTransition(from: .shipped, to: .cancelled)) {
            try RefillStatus.shipped.moving(to: .cancelled)
        }
        #expect(try RefillStatus.approved.moving(to: .rejected) == .rejected)
        #expect(RefillStatus.delivered.isOpen)
    }

    @Test func snapshotVarianceAndShrinkage() throws {
        let missing = SnapshotVariance(sku: "LIP-001", expected: 10, counted: 7)
        #expect(missing.variance == -3 && missing.shrinkageUnits == 3)
        #expect(try missing.shrinkageValue(unitCost: Money(minorUnits: 610, currency: .eur)).minorUnits == 1_830)
        let surplus = SnapshotVariance(sku: "LIP-001", expected: 10, counted: 12)
        #expect(surplus.variance == 2 && surplus.shrinkageUnits == 0)
    }

    @Test func payoutsApplyThePackageRate() throws {
        let payout = try StandPayout(sales: Money(minorUnits: 123_456, currency: .eur), package: .plus)
        #expect(payout.commission.minorUnits == 14_815)  // 1,234.56 × 12 % = 148.1472
        #expect(try StandPayout(sales: Money(minorUnits: 0, currency: .eur), package: .pro).commission.minorUnits == 0)
        let late = try StandPayout(
            sales: Money(minorUnits: 10_000, currency: .eur), adjustment: Money(minorUnits: 5_000, currency: .eur), package: .starter)
        #expect(late.commission.minorUnits == 1_500)
        // Sums no request can reach still give an answer, never a trap.
        #expect(throws: DomainError.self) {
            try StandPayout(sales: Money(minorUnits: .max, currency: .eur), adjustment: Money(minorUnits: 1, currency: .eur), package: .pro)
        }
        let huge = try StandPayout(sales: Money(minorUnits: .max / 2, currency: .eur), package: .pro)
        #expect(huge.commission.minorUnits == 691_752_902_764_107_000 + 1_185)  // 7903 × 0.15 = 1185.45
    }
}
