import Foundation

/// The performance insight of a stand: display health against its cohort (stands of the same
/// package in the same region), the sales trend and whether it is significant, SKU-mix advice and
/// coaching actions.
///
/// Score: 100 points —
/// - `facings_filled` (20): the share of planogram facings with stock now;
/// - `stock_out_days` (25): 1 − the share of line-days out of stock in the window, counted against
///   a ceiling of 15 % (a shelf out that often earns nothing);
/// - `sales_vs_cohort` (25): the mid-rank percentile of units sold per location-day among the
///   cohort (half the points without a cohort);
/// - `sell_through` (15): the same percentile for sell-through (units sold ÷ sold + on hand);
/// - `trend` (15): all points for a significant rise, 9 for no significant trend, none for a
///   significant fall (Mann–Kendall on daily units, 5 % level).
public enum DisplayHealthInsight {
    public static let kind = "performance"
    public static let stockOutCeiling = 0.15

    public struct Metrics: Sendable, Hashable {
        public var facingsFilled: Double
        public var stockOutShare: Double
        public var sellThrough: Double?
        public var unitsPerLocationDay: Double

        public init(facingsFilled: Double, stockOutShare: Double, sellThrough: Double?, unitsPerLocationDay: Double) {
            self.facingsFilled = facingsFilled
            self.stockOutShare = stockOutShare
            self.sellThrough = sellThrough
            self.unitsPerLocationDay = unitsPerLocationDay
        }
    }

    public struct SKU: Sendable, Hashable {
        public var sku: String
        public var name: String
        /// Units per location-day.
        public var rate: Double

        public init(sku: String, name: String, rate: Double) {
            self.sku = sku
            self.name = name
            self.rate = rate
        }
    }

    public struct Input: Sendable, Hashable {
        public var own: Metrics
        public var cohort: [Metrics]
        /// Units sold per day over the trend window, oldest first.
        public var dailyUnits: [Double]
        /// The stand's SKUs, slowest first.
        public var slowMovers: [SKU]
        /// The region's best sellers not on this stand's planogram, best first.
        public var regionBestSellers: [SKU]
        public var windowDays: Int

        public init(
            own: Metrics, cohort: [Metrics], dailyUnits: [Double], slowMovers: [SKU], regionBestSellers: [SKU], windowDays: Int
        ) {
            self.own = own
            self.cohort = cohort
            self.dailyUnits = dailyUnits
            self.slowMovers = slowMovers
            self.regionBestSellers = regionBestSellers
            self.windowDays = windowDays
        }
    }

    /// The mid-rank share of `others` below `value` (ties count half); nil without others.
    public static func percentile(_ value: Double, among others: [Double]) -> Double? {
        guard !others.isEmpty else { return nil }
        let below = others.filter { $0 < value }.count
        let equal = others.filter { $0 == value }.count
        return (Double(below) + Double(equal) / 2) / Double(others.count)
    }

    public static func scorecard(_ input: Input, trend: MannKendall?) -> Scorecard {
        let own = input.own
        let salesRank = percentile(own.unitsPerLocationDay, among: input.cohort.map(\.unitsPerLocationDay))
        let sellThroughRank = own.sellThrough.flatMap { value in percentile(value, among: input.cohort.compactMap(\.sellThrough)) }
        let direction = trend?.direction() ?? .flat
        let perWeek = (trend?.slope ?? 0) * 7
        return Scorecard([
            .init(
                key: "facings_filled", label: "Facings filled (%)", value: NumberText.rounded(own.facingsFilled * 100), weight: 20,
                attainment: own.facingsFilled, display: NumberText.percent(own.facingsFilled)),
            .init(
                key: "stock_out_days", label: "Line-days out of stock (%)", value: NumberText.rounded(own.stockOutShare * 100),
                weight: 25, attainment: 1 - own.stockOutShare / stockOutCeiling, display: NumberText.percent(own.stockOutShare)),
            .init(
                key: "sales_vs_cohort", label: "Sales per location-day, percentile in cohort",
                value: NumberText.rounded((salesRank ?? 0.5) * 100), weight: 25, attainment: salesRank ?? 0.5,
                display: salesRank.map { "the \(NumberText.percent($0)) percentile of \(input.cohort.count) peers" } ?? "no cohort"),
            .init(
                key: "sell_through", label: "Sell-through, percentile in cohort", value: NumberText.rounded((sellThroughRank ?? 0.5) * 100),
                weight: 15, attainment: sellThroughRank ?? 0.5,
                display: own.sellThrough.map { "\(NumberText.percent($0)) sold through" } ?? "no sales"),
            .init(
                key: "trend", label: "Trend of daily units (per week)", value: NumberText.rounded(perWeek), weight: 15,
                attainment: direction == .rising ? 1 : direction == .flat ? 0.6 : 0,
                display: trendText(trend, perWeek: perWeek)),
        ])
    }

    static func trendText(_ trend: MannKendall?, perWeek: Double) -> String {
        guard let trend else { return "too little history" }
        let p = "Mann–Kendall \(NumberText.pValue(trend.pValue))"
        switch trend.direction() {
        case .rising: return "rising \(NumberText.decimal(perWeek)) units a day per week (\(p))"
        case .falling: return "falling \(NumberText.decimal(-perWeek)) units a day per week (\(p))"
        case .flat: return "no significant trend (\(p))"
        }
    }

    public static func recommendations(_ input: Input, trend: MannKendall?) -> [InsightRecommendation] {
        var result: [InsightRecommendation] = []
        let own = input.own
        if own.facingsFilled < 0.9 {
            result.append(
                .init(
                    action: "fill_facings", priority: own.facingsFilled < 0.75 ? .high : .medium,
                    rationale: "\(NumberText.percent(1 - own.facingsFilled)) of the facings are empty; refill them before the weekend peak")
            )
        }
        let cohortStockOut = median(input.cohort.map(\.stockOutShare))
        if own.stockOutShare > max(0.02, cohortStockOut ?? 0) {
            result.append(
                .init(
                    action: "reduce_stock_outs", priority: own.stockOutShare > stockOutCeiling / 2 ? .high : .medium,
                    rationale: "Lines were out of stock on \(NumberText.percent(own.stockOutShare)) of line-days"
                        + (cohortStockOut.map { " against \(NumberText.percent($0)) for the cohort" } ?? "")
                        + "; run the refill forecast and refill at the AI reorder points"))
        }
        if trend?.direction() == .falling {
            result.append(
                .init(
                    action: "review_trend", priority: .high,
                    rationale:
                        "Sales are falling significantly (\(trendText(trend, perWeek: (trend?.slope ?? 0) * 7))); plan a visit to check placement and pricing"
                ))
        }
        for (slow, best) in zip(input.slowMovers.prefix(3), input.regionBestSellers.prefix(3)) where best.rate > slow.rate {
            result.append(
                .init(
                    action: "swap_sku", priority: .medium,
                    rationale:
                        "Swap \(slow.sku) (\(NumberText.decimal(slow.rate * Double(input.windowDays))) units a location in \(input.windowDays) days) "
                        + "for \(best.sku) \(best.name), a regional best seller not on this shelf "
                        + "(\(NumberText.decimal(best.rate * Double(input.windowDays))) units a location elsewhere in the region)"))
        }
        if let cohortSales = median(input.cohort.map(\.unitsPerLocationDay)), own.unitsPerLocationDay < 0.8 * cohortSales {
            result.append(
                .init(
                    action: "coach_visit", priority: .medium,
                    rationale: "Units per location-day are \(NumberText.decimal(own.unitsPerLocationDay)) against the cohort's median "
                        + "\(NumberText.decimal(cohortSales)); coach the staff on placement and the QR checkout"))
        }
        return result
    }

    static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    public static func insight(subject: String, input: Input, window: Insight.Window, generatedAt: Date) -> Insight {
        let trend = MannKendall(input.dailyUnits)
        let scorecard = scorecard(input, trend: trend)
        let recommendations = recommendations(input, trend: trend)
        let summary =
            "Over \(input.windowDays) days the stand sold \(NumberText.decimal(input.own.unitsPerLocationDay)) units per location-day "
            + "with \(NumberText.percent(input.own.facingsFilled)) of facings filled now and "
            + "\(NumberText.percent(input.own.stockOutShare)) of line-days out of stock; cohort: \(input.cohort.count) stands."
        let storyboard = StoryboardBuilder.build(
            subject: subject, title: "display health", scorecard: scorecard, summary: summary, recommendations: recommendations)
        return Insight(
            kind: kind, scorecard: scorecard, recommendations: recommendations, storyboard: storyboard, window: window,
            generatedAt: generatedAt)
    }
}

extension DisplayHealthInsight.Input {
    /// The median units per location-day of a cohort (nil when empty).
    public static func medianRate(_ cohort: [DisplayHealthInsight.Metrics]) -> Double? {
        DisplayHealthInsight.median(cohort.map(\.unitsPerLocationDay))
    }
}
