/// Runs the point-forecast methods with reusable scratch memory, so that a batch of series (and the
/// backtest of `auto`) allocates nothing per series once the scratch has grown.
///
/// Each method agrees with statsforecast 2.1.1 (`Tests/PartnerAdvisorTests/Fixtures`), including
/// its edge cases: one observation is its own SES forecast, a series without demand forecasts its
/// last value (0), and seasonal naive on fewer observations than a season gives NaN where no
/// observation sits at that seasonal position.
public struct ForecastEngine: Sendable {
    private var scratch: [Double] = []

    public init() {}

    /// Point forecasts for periods 1…`horizon` after the series.
    public mutating func forecast(
        _ series: DemandSeries, method: ForecastMethod, horizon: Int, parameters: ForecastParameters = .init()
    ) -> [Double] {
        let steps = max(0, horizon)
        return series.values.withUnsafeBufferPointer { y in
            if method == .seasonalNaive {
                return (0..<steps).map {
                    Self.seasonalNaive(y, seasonLength: parameters.seasonLength, step: $0 + 1)
                }
            }
            let value = level(y, method: method, parameters: parameters)
            return [Double](repeating: value, count: steps)
        }
    }

    /// The flat forecast of every method except seasonal naive (for which it returns the forecast of
    /// the next period).
    mutating func level(_ y: UnsafeBufferPointer<Double>, method: ForecastMethod, parameters: ForecastParameters) -> Double {
        let n = y.count
        guard n > 0 else { return 0 }
        switch method {
        case .naive:
            return y[n - 1]
        case .seasonalNaive:
            return Self.seasonalNaive(y, seasonLength: parameters.seasonLength, step: 1)
        case .ses:
            return SESKernel.forecast(y, alpha: parameters.alpha)
        case .sesOptimized:
            return SESKernel.optimizedForecast(y, lower: 0.01, upper: 0.99)
        case .croston:
            return CrostonKernel.classic(y)
        case .sba:
            return CrostonKernel.classic(y) * CrostonKernel.sbaFactor
        case .tsb:
            return TSBKernel.forecast(y, alphaD: parameters.alphaD, alphaP: parameters.alphaP)
        case .crostonOptimized:
            return withScratch(count: 2 * n) { CrostonKernel.optimized(y, scratch: $0) }
        case .adida:
            return withScratch(count: n) { AggregationKernel.adida(y, scratch: $0) }
        case .imapa:
            return withScratch(count: 2 * n) { AggregationKernel.imapa(y, scratch: $0) }
        }
    }

    /// statsforecast `_seasonal_naive`: the value one season before period `step` (1-based); with
    /// fewer observations than a season they are aligned to the season's last positions and the
    /// rest are NaN. A season length of 1 or less is the naive forecast.
    static func seasonalNaive(_ y: UnsafeBufferPointer<Double>, seasonLength: Int, step: Int) -> Double {
        let n = y.count
        guard n > 0 else { return .nan }
        guard seasonLength > 1 else { return y[n - 1] }
        let position = (step - 1) % seasonLength
        if n >= seasonLength { return y[n - seasonLength + position] }
        let start = seasonLength - n
        return position >= start ? y[position - start] : .nan
    }

    /// Seasonal naive where a position without an observation (a history shorter than a season)
    /// takes the mean of the history instead of statsforecast's NaN.
    static func filledSeasonalNaive(_ y: UnsafeBufferPointer<Double>, seasonLength: Int, step: Int) -> Double {
        let value = seasonalNaive(y, seasonLength: seasonLength, step: step)
        guard value.isNaN else { return value }
        var sum = 0.0
        for v in y { sum += v }
        return y.isEmpty ? 0 : sum / Double(y.count)
    }

    private mutating func withScratch(count: Int, _ body: (UnsafeMutableBufferPointer<Double>) -> Double) -> Double {
        if scratch.count < count {
            scratch = [Double](repeating: 0, count: max(count, 2 * scratch.count))
        }
        return scratch.withUnsafeMutableBufferPointer { body($0) }
    }
}

extension ForecastMethod {
    /// Point forecasts for periods 1…`horizon` (see `ForecastEngine.forecast`).
    public func forecast(_ series: DemandSeries, horizon: Int, parameters: ForecastParameters = .init()) -> [Double] {
        var engine = ForecastEngine()
        return engine.forecast(series, method: self, horizon: horizon, parameters: parameters)
    }
}
