/// The rolling-origin backtest of every candidate method on one series.
public struct SeriesBacktest: Sendable, Hashable {
    let plan: BacktestPlan
    /// The candidates, in tie-break order.
    public let candidates: [ForecastMethod]
    /// Mean absolute error of each candidate over all test periods of all origins, divided by
    /// `scale` (so comparable across series: a MASE over the backtest). Empty without a plan.
    public let scaledErrors: [Double]
    /// Mean absolute one-step change of the whole history (the MASE scale of Hyndman & Koehler
    /// 2006); 0 for a constant history.
    public let scale: Double
    /// Forecast level of candidate `c` at origin `r` at index `c * originCount + r` (the next
    /// period's forecast for seasonal naive).
    let levels: [Double]

    /// Whether the history was long enough to test anything.
    public var isEmpty: Bool { plan.originCount == 0 }

    /// The candidate with the smallest error; the earlier candidate wins ties (nil when empty).
    public var best: ForecastMethod? {
        var best: Int?
        for index in scaledErrors.indices where best.map({ scaledErrors[index] < scaledErrors[$0] }) ?? true {
            best = index
        }
        return best.map { candidates[$0] }
    }

    func level(candidate: Int, origin: Int) -> Double {
        levels[candidate * plan.originCount + origin]
    }
}

extension ForecastEngine {
    /// Backtests `candidates` on `y` for forecasts `horizon` periods ahead.
    mutating func backtest(
        _ y: UnsafeBufferPointer<Double>, candidates: [ForecastMethod], horizon: Int, parameters: ForecastParameters
    ) -> SeriesBacktest {
        let n = y.count
        let plan = BacktestPlan(length: n, horizon: horizon, seasonLength: parameters.seasonLength)
        var scale = 0.0
        if n > 1 {
            for t in 1..<n {
                scale += abs(y[t] - y[t - 1])
            }
            scale /= Double(n - 1)
        }
        guard plan.originCount > 0, let base = y.baseAddress else {
            return SeriesBacktest(plan: plan, candidates: candidates, scaledErrors: [], scale: scale, levels: [])
        }
        let origins = plan.originCount
        var levels = [Double](repeating: 0, count: candidates.count * origins)
        var errors = [Double](repeating: 0, count: candidates.count)
        let periods = Double(plan.window * origins)
        for (c, method) in candidates.enumerated() {
            var total = 0.0
            for r in 0..<origins {
                let origin = plan.origin(r, length: n)
                let prefix = UnsafeBufferPointer(start: base, count: origin)
                if method == .seasonalNaive {
                    for k in 0..<plan.window {
                        let f = Self.filledSeasonalNaive(prefix, seasonLength: parameters.seasonLength, step: k + 1)
                        total += abs(y[origin + k] - f)
                    }
                    levels[c * origins + r] = Self.seasonalNaive(prefix, seasonLength: parameters.seasonLength, step: 1)
                } else {
                    let f = level(prefix, method: method, parameters: parameters)
                    for k in 0..<plan.window {
                        total += abs(y[origin + k] - f)
                    }
                    levels[c * origins + r] = f
                }
            }
            errors[c] = total / periods / (scale > 0 ? scale : 1)
        }
        return SeriesBacktest(plan: plan, candidates: candidates, scaledErrors: errors, scale: scale, levels: levels)
    }

    /// Backtests `candidates` on a validated series.
    public mutating func backtest(
        _ series: DemandSeries, candidates: [ForecastMethod], horizon: Int, parameters: ForecastParameters
    ) -> SeriesBacktest {
        series.values.withUnsafeBufferPointer { backtest($0, candidates: candidates, horizon: horizon, parameters: parameters) }
    }
}
