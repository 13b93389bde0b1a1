import PartnerAdvisor
import Testing

@Suite struct RefillSizingTests {
    /// An intermittent daily history: about one unit every third day.
    static let history: DemandSeries = {
        var generator = SplitMix64(seed: 11)
        return try! DemandSeries((0..<180).map { _ in generator.nextUnit() < 0.33 ? (generator.nextUnit() < 0.8 ? 1 : 2) : 0 })
    }()

    static func outlook(_ series: DemandSeries = history, horizon: Int = 14) -> DemandOutlook {
        let forecast = DemandForecaster.forecast(
            series, options: ForecastOptions(horizon: horizon, parameters: .init(seasonLength: 7), quantiles: DemandOutlook.gridLevels))
        return DemandOutlook(forecast)
    }

    @Test func theReorderPointNeverFallsWhenTheTargetRises() {
        let outlook = Self.outlook()
        let line = RefillLine(onHand: 3, parLevel: 20, packSize: 2)
        var previous = (reorder: -1, upTo: -1)
        for level in stride(from: 0.5, through: 0.995, by: 0.015) {
            let plan = RefillSizing.plan(line, outlook: outlook, policy: RefillPolicy(leadTimeDays: 4, fillRate: level))
            #expect(plan.reorderPoint >= previous.reorder, "at \(level)")
            #expect(plan.orderUpTo >= previous.upTo, "at \(level)")
            previous = (plan.reorderPoint, plan.orderUpTo)
        }
        #expect(previous.reorder > 0)
    }

    @Test func theOrderUpToLevelRespectsParAndTheFillRateConditionHolds() {
        let outlook = Self.outlook()
        for par in [2, 4, 6, 12, 40] {
            let plan = RefillSizing.plan(
                RefillLine(onHand: 0, parLevel: par, packSize: 3), outlook: outlook, policy: RefillPolicy(leadTimeDays: 3, fillRate: 0.95))
            #expect(plan.orderUpTo <= par)
            #expect(plan.reorderPoint < plan.orderUpTo)
            if plan.reachesTarget {
                let shortage = outlook.expectedShortage(days: 3, stock: Double(plan.reorderPoint))
                #expect(shortage <= 0.05 * Double(plan.orderUpTo - plan.reorderPoint) + 1e-12)
                #expect(plan.expectedFillRate >= 0.95 - 1e-12)
            }
        }
        // Par 2 with about a unit a day over three days of lead time cannot reach 95 %.
        let tight = RefillSizing.plan(
            RefillLine(onHand: 0, parLevel: 2, packSize: 1), outlook: outlook, policy: RefillPolicy(leadTimeDays: 3, fillRate: 0.95))
        #expect(!tight.reachesTarget && tight.reorderPoint == 1)
    }

    @Test func quantitiesAreWholePacksAndCountWhatIsOnOrder() {
        #expect(RefillSizing.orderQuantity(position: 3, orderUpTo: 10, packSize: 6) == 12)
        #expect(RefillSizing.orderQuantity(position: 3, orderUpTo: 10, packSize: 1) == 7)
        #expect(RefillSizing.orderQuantity(position: 10, orderUpTo: 10, packSize: 6) == 0)
        let outlook = Self.outlook()
        let policy = RefillPolicy(leadTimeDays: 3, fillRate: 0.9)
        let plan = RefillSizing.plan(RefillLine(onHand: 0, parLevel: 24, packSize: 4), outlook: outlook, policy: policy)
        let without = LocationRefill.quantities([.init(position: 0, packSize: 4, plan: plan)])
        let withOrder = LocationRefill.quantities([.init(position: 0 + 4, packSize: 4, plan: plan)])
        #expect(without[0] % 4 == 0 && without[0] >= plan.orderUpTo)
        #expect(withOrder[0] <= without[0] - 4 || withOrder[0] == 0)
    }

    @Test func aLocationRefillsWhenOneLineIsDueAndTopsUpThoseCloseToDue() {
        let outlook = Self.outlook()
        let plan = RefillSizing.plan(
            RefillLine(onHand: 0, parLevel: 30, packSize: 1), outlook: outlook, policy: RefillPolicy(leadTimeDays: 4, fillRate: 0.95))
        let due = LocationRefill.Line(position: plan.reorderPoint, packSize: 1, plan: plan)
        let close = LocationRefill.Line(position: plan.reorderPoint + 1, packSize: 1, plan: plan)
        let full = LocationRefill.Line(position: plan.orderUpTo, packSize: 1, plan: plan)
        #expect(LocationRefill.quantities([close, full]) == [0, 0])
        let quantities = LocationRefill.quantities([due, close, full])
        #expect(quantities[0] == plan.orderUpTo - plan.reorderPoint)
        #expect(quantities[1] == plan.orderUpTo - plan.reorderPoint - 1)
        #expect(quantities[2] == 0)
    }

    @Test func aTargetBelowWhatOnePackAtEmptyServesIsMetByWaiting() {
        // About a unit every ten days, refilled in packs of twelve: one pack at empty serves ~97 %.
        var generator = SplitMix64(seed: 5)
        let slow = try! DemandSeries((0..<180).map { _ in generator.nextUnit() < 0.1 ? 1 : 0 })
        let outlook = Self.outlook(slow)
        let line = RefillLine(onHand: 0, parLevel: 24, packSize: 12)
        var previousWait = Int.max
        for target in [0.7, 0.8, 0.9, 0.95, 0.99] {
            let plan = RefillSizing.plan(line, outlook: outlook, policy: RefillPolicy(leadTimeDays: 3, fillRate: target))
            #expect(plan.waitDays <= previousWait, "the wait shortens as the target rises (at \(target))")
            previousWait = plan.waitDays
            if plan.waitDays > 0 {
                #expect(plan.reorderPoint == 0 && plan.orderUpTo == 12)
                #expect(abs(plan.expectedFillRate - target) <= 0.01, "\(plan.expectedFillRate) for \(target)")
            }
        }
        let lean = RefillSizing.plan(line, outlook: outlook, policy: RefillPolicy(leadTimeDays: 3, fillRate: 0.8))
        #expect(lean.waitDays > 10)
        #expect(RefillSizing.plan(line, outlook: outlook, policy: RefillPolicy(leadTimeDays: 3, fillRate: 0.99)).waitDays == 0)
        // A waiting line is due only once its shelf has stood empty for the wait, and a refill that
        // goes out for another line does not take it along before then.
        let other = RefillSizing.plan(
            RefillLine(onHand: 0, parLevel: 30, packSize: 1), outlook: Self.outlook(), policy: RefillPolicy(leadTimeDays: 3, fillRate: 0.95)
        )
        let due = LocationRefill.Line(position: other.reorderPoint, packSize: 1, plan: other)
        #expect(LocationRefill.quantities([.init(position: 0, packSize: 12, plan: lean, emptyDays: lean.waitDays - 1)]) == [0])
        #expect(LocationRefill.quantities([.init(position: 0, packSize: 12, plan: lean, emptyDays: lean.waitDays)]) == [12])
        #expect(LocationRefill.quantities([due, .init(position: 0, packSize: 12, plan: lean, emptyDays: 1)])[1] == 0)
        #expect(LocationRefill.quantities([due, .init(position: 0, packSize: 12, plan: lean, emptyDays: lean.waitDays)])[1] == 12)
    }

    @Test func theStockOutDayFollowsTheExpectedDemand() {
        let steady = try! DemandSeries([Double](repeating: 2, count: 60))
        let outlook = Self.outlook(steady, horizon: 10)
        let policy = RefillPolicy(leadTimeDays: 2, fillRate: 0.9)
        #expect(RefillSizing.plan(RefillLine(onHand: 0, parLevel: 40, packSize: 1), outlook: outlook, policy: policy).stockOutDay == 0)
        #expect(RefillSizing.plan(RefillLine(onHand: 5, parLevel: 40, packSize: 1), outlook: outlook, policy: policy).stockOutDay == 3)
        #expect(
            RefillSizing.plan(RefillLine(onHand: 5, onOrder: 4, parLevel: 40, packSize: 1), outlook: outlook, policy: policy).stockOutDay
                == 5)
        #expect(RefillSizing.plan(RefillLine(onHand: 25, parLevel: 40, packSize: 1), outlook: outlook, policy: policy).stockOutDay == nil)
    }

    @Test func theOutlookReadsShortageAndRiskFromTheQuantileGrid() {
        let outlook = Self.outlook()
        #expect(outlook.expectedShortage(days: 7, stock: 0) > outlook.expectedShortage(days: 7, stock: 2))
        #expect(outlook.expectedShortage(days: 7, stock: 1_000) == 0)
        #expect(outlook.stockOutProbability(days: 7, stock: 0) > outlook.stockOutProbability(days: 7, stock: 4))
        // E[(D − 0)⁺] = E[D]: the grid's mean is close to the point forecasts' sum.
        #expect(abs(outlook.expectedShortage(days: 7, stock: 0) - outlook.mean(days: 7)) < 0.35 * outlook.mean(days: 7))
    }
}
