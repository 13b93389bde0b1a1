/// The stand coach's refill forecast for many lines at once: one `DemandForecaster` batch (so
/// `auto` and the quantile calibration pool evidence across the stand's lines), then each line's
/// interval, refill plan and held-out accuracy.
public enum RefillForecaster {
    public struct Request: Sendable, Hashable {
        public var series: DemandSeries
        public var line: RefillLine
        public var policy: RefillPolicy

        public init(series: DemandSeries, line: RefillLine, policy: RefillPolicy) {
            self.series = series
            self.line = line
            self.policy = policy
        }
    }

    /// A central prediction interval of the demand over the horizon.
    public struct Interval: Sendable, Hashable, Codable {
        public let level: Double
        public let lower: Double
        public let upper: Double

        public init(level: Double, lower: Double, upper: Double) {
            self.level = level
            self.lower = lower
            self.upper = upper
        }
    }

    public struct Line: Sendable, Hashable {
        public let method: ForecastMethod
        public let demandClass: DemandClass
        /// Expected units over the horizon.
        public let forecast: Double
        public let interval: Interval
        public let plan: RefillPlan
        /// The chosen method on the last `horizon` days held out (nil for short or constant series).
        public let accuracy: ForecastAccuracy?
        /// The chance of running out before a refill requested now arrives.
        public let stockOutRisk: Double
        public let outlook: DemandOutlook
    }

    /// Daily data: weekly seasonality for seasonal naive.
    public static let dailyParameters = ForecastParameters(seasonLength: 7)

    /// Forecasts `horizonDays` days (1…365) of every request and plans its refill; results in order.
    public static func forecast(
        _ requests: [Request], horizonDays: Int, intervalLevel: Double, method: ForecastMethodChoice = .auto,
        accuracy: Bool = true
    ) -> [Line] {
        guard !requests.isEmpty else { return [] }
        let horizon = min(max(1, horizonDays), 365)
        let level = intervalLevel.isFinite ? min(max(intervalLevel, 0.01), 0.998) : 0.9
        let needed = requests.map { $0.policy.leadTimeDays + $0.policy.reviewDays }.max() ?? 1
        let options = ForecastOptions(
            horizon: max(horizon, needed), method: method, parameters: dailyParameters,
            quantiles: DemandOutlook.gridLevels + [(1 - level) / 2, (1 + level) / 2])
        let forecasts = DemandForecaster.forecast(requests.map(\.series), options: options)
        return zip(requests, forecasts).map { request, forecast in
            let outlook = DemandOutlook(forecast)
            let bounds = forecast.cumulativeQuantiles.suffix(2).map { $0.indices.contains(horizon - 1) ? $0[horizon - 1] : 0 }
            let plan = RefillSizing.plan(request.line, outlook: outlook, policy: request.policy)
            return Line(
                method: forecast.method, demandClass: forecast.profile.demandClass, forecast: outlook.mean(days: horizon),
                interval: Interval(level: level, lower: bounds.first ?? 0, upper: bounds.last ?? 0), plan: plan,
                accuracy: accuracy
                    ? ForecastAccuracy.holdout(request.series, method: forecast.method, periods: horizon, parameters: dailyParameters)
                    : nil,
                stockOutRisk: outlook.stockOutProbability(days: request.policy.leadTimeDays, stock: Double(request.line.position)),
                outlook: outlook)
        }
    }
}
