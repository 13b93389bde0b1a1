/// One SKU at one location as the refill sizing sees it.
public struct RefillLine: Sendable, Hashable {
    public var onHand: Int
    public var onOrder: Int
    /// The most the facings hold (the planogram's par level): the order-up-to level never exceeds it.
    public var parLevel: Int
    /// Refills come in whole packs.
    public var packSize: Int

    public init(onHand: Int, onOrder: Int = 0, parLevel: Int, packSize: Int) {
        self.onHand = onHand
        self.onOrder = onOrder
        self.parLevel = parLevel
        self.packSize = packSize
    }

    /// What is on the shelf and on its way.
    public var position: Int { onHand + onOrder }
}

/// How refills are planned: how long a refill takes to arrive, how often stock is reviewed, and
/// the fill rate to aim for.
public struct RefillPolicy: Sendable, Hashable {
    /// Days from request to delivery (≥ 1).
    public var leadTimeDays: Int
    /// Days a refill should last before the next one (sizes the order: one review period's demand).
    public var reviewDays: Int
    /// Two weeks: a fortnightly field visit. Shorter periods refill a location so often that its
    /// single in-flight slot blocks lines that come due meanwhile (measured with `RefillReplay`:
    /// 7 days needed a third more refills and missed high targets by 1–3 points).
    public static let defaultReviewDays = 14
    /// The target fill rate: the share of demand served from the shelf, in (0, 1).
    public var fillRate: Double

    public init(leadTimeDays: Int, reviewDays: Int = defaultReviewDays, fillRate: Double) {
        self.leadTimeDays = max(1, leadTimeDays)
        self.reviewDays = max(1, reviewDays)
        self.fillRate = fillRate.isFinite ? min(max(fillRate, 0), 0.9999) : 0.95
    }
}

/// The refill plan of one line.
public struct RefillPlan: Sendable, Hashable {
    /// Expected demand over the lead time and over the lead time plus the review period.
    public let demandOverLeadTime: Double
    public let demandOverLeadTimeAndReview: Double
    /// Refill when what is on the shelf and on order is at or below this.
    public let reorderPoint: Int
    /// Refill up to this (never above par).
    public let orderUpTo: Int
    /// The reorder point above the lead time's expected demand (0 when one refill covers the target
    /// on its own and the line may be reordered only once it is nearly empty).
    public let safetyStock: Double
    /// The fill rate the plan expects: 1 − E[units short per refill cycle] / units per refill.
    public let expectedFillRate: Double
    /// False when even a reorder point one below par cannot reach the target (par is too low).
    public let reachesTarget: Bool
    /// Days an empty shelf waits before the refill is requested (0: at once). Non-zero only for a
    /// target below what the leanest refill — one batch when the shelf is empty — already serves.
    public let waitDays: Int
    /// Days from now until the expected demand uses up what is on the shelf and on order (0: empty
    /// now); nil when that does not happen within the forecast.
    public let stockOutDay: Int?
}

/// Sizes refills for a target fill rate.
///
/// A line is refilled when its position (on hand + on order) falls to the reorder point s and is
/// then brought up to S = min(par, s + Q), where Q is one review period's expected demand rounded
/// up to whole packs. s is the smallest level whose expected units short over the lead time are at
/// most (1 − β) of the units a refill brings:
///
///     E[(D_L − s)⁺] ≤ (1 − β) · (S − s)
///
/// (taking one unit less when that lands nearer the target), the fill-rate (P₂) condition of the (s, Q) system (Silver, Pyke & Peterson 1998, *Inventory
/// Management and Production Planning and Scheduling*, 3rd ed., §7.9; Axsäter 2015, *Inventory
/// Control*, §5.8). E[(D_L − s)⁺] is read from the forecast's calibrated distribution of the lead
/// time's demand (`DemandOutlook`), so intermittent lines get their own skewed spread rather than a
/// normal one. The left side falls and the right side's share (1 − β) shrinks as β grows, so s and
/// S never decrease when the target rises.
public enum RefillSizing {
    public static func plan(_ line: RefillLine, outlook: DemandOutlook, policy: RefillPolicy) -> RefillPlan {
        let lead = policy.leadTimeDays
        let pack = max(1, line.packSize)
        let cap = max(1, line.parLevel)
        let demandLead = outlook.mean(days: lead)
        let demandReview = outlook.mean(days: policy.reviewDays, after: lead)
        let batch = wholePacks(max(1, demandReview.rounded(.up)), pack: pack)
        var reorderPoint = 0
        var reaches = true
        var shortage = outlook.expectedShortage(days: lead, stock: 0)
        while true {
            let quantity = Double(min(cap, reorderPoint + batch) - reorderPoint)
            if shortage <= (1 - policy.fillRate) * quantity { break }
            guard reorderPoint + 1 < cap else {
                reaches = false
                break
            }
            reorderPoint += 1
            shortage = outlook.expectedShortage(days: lead, stock: Double(reorderPoint))
        }
        // Reorder points are whole units, so the first one that meets the target usually beats it;
        // one unit lower is taken when its fill rate is nearer the target (still monotone in β),
        // so the achieved fill rate centres on the target instead of always exceeding it.
        if reaches, reorderPoint > 0 {
            let lower = reorderPoint - 1
            let lowerShortage = outlook.expectedShortage(days: lead, stock: Double(lower))
            let lowerFill = 1 - lowerShortage / Double(max(1, min(cap, lower + batch) - lower))
            let fill = 1 - shortage / Double(max(1, min(cap, reorderPoint + batch) - reorderPoint))
            if policy.fillRate - lowerFill < fill - policy.fillRate {
                reorderPoint = lower
                shortage = lowerShortage
            }
        }
        let orderUpTo = min(cap, reorderPoint + batch)
        let perCycle = Double(max(1, orderUpTo - reorderPoint))
        var expectedFill = max(0, 1 - shortage / perCycle)
        var wait = 0
        if reaches, reorderPoint == 0 {
            (wait, expectedFill) = waitWhenEmpty(
                batch: orderUpTo, lead: lead, outlook: outlook, fillRate: policy.fillRate, atOnce: expectedFill)
        }
        return RefillPlan(
            demandOverLeadTime: demandLead, demandOverLeadTimeAndReview: demandLead + demandReview, reorderPoint: reorderPoint,
            orderUpTo: orderUpTo, safetyStock: max(0, Double(reorderPoint) - demandLead),
            expectedFillRate: expectedFill, reachesTarget: reaches, waitDays: wait,
            stockOutDay: stockOutDay(position: line.position, outlook: outlook))
    }

    /// The longest an empty shelf may wait for its refill request.
    public static let maximumWaitDays = 180

    /// A line refilled with `batch` units once it is empty sells the whole batch each cycle and then
    /// loses the demand of the days it stands empty: the lead time plus any wait w. With lost sales
    /// the long-run fill rate is the renewal-reward ratio batch / (batch + E[D over L + w days])
    /// (Ross 1996, *Stochastic Processes*, §3.6). When even w = 0 serves more than the target —
    /// slow lines with whole packs — the longest wait still expected to reach the target is taken: the
    /// shelf stands empty on purpose, saving stock the target does not ask for.
    static func waitWhenEmpty(batch: Int, lead: Int, outlook: DemandOutlook, fillRate: Double, atOnce: Double)
        -> (days: Int, fillRate: Double)
    {
        let units = Double(max(1, batch))
        let rate = outlook.horizon > 0 ? outlook.mean(days: outlook.horizon) / Double(outlook.horizon) : 0
        func fill(_ wait: Int) -> Double {
            let covered = min(lead + wait, outlook.horizon)
            let lost = outlook.mean(days: covered) + Double(lead + wait - covered) * rate
            return units / (units + lost)
        }
        guard rate > 0, fill(0) > fillRate else { return (0, atOnce) }
        var wait = 0
        while wait < maximumWaitDays, fill(wait + 1) > fillRate { wait += 1 }
        // fill(wait) > target ≥ fill(wait + 1): the shorter wait, because a location's one refill
        // in flight can only lengthen a wait (a line that comes due meanwhile waits for it).
        return (wait, fill(wait))
    }

    /// The first day by which the expected cumulative demand reaches `position`.
    static func stockOutDay(position: Int, outlook: DemandOutlook) -> Int? {
        guard position > 0 else { return 0 }
        var cumulative = 0.0
        for (index, value) in outlook.daily.enumerated() {
            cumulative += value
            if cumulative >= Double(position) { return index + 1 }
        }
        return nil
    }

    /// The refill that brings `position` up to `orderUpTo`, rounded up to whole packs (0 when it
    /// is there already).
    public static func orderQuantity(position: Int, orderUpTo: Int, packSize: Int) -> Int {
        let gap = orderUpTo - position
        guard gap > 0 else { return 0 }
        return wholePacks(gap, pack: max(1, packSize))
    }

    static func wholePacks(_ units: Int, pack: Int) -> Int {
        (units + pack - 1) / pack * pack
    }

    static func wholePacks(_ units: Double, pack: Int) -> Int {
        // Forecast demand is far below Int.max; clamp anyway so no input can trap.
        let whole = Int(min(max(units, 0), 1e9))
        return wholePacks(whole, pack: pack)
    }
}
