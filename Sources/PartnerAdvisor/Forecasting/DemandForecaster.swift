/// The stand coach's forecasting entry point over validated series (no I/O).
///
/// For each series: the method (fixed, or chosen by `AutoSelector` under `auto`), its point
/// forecasts for periods 1…horizon, and optionally quantiles of the cumulative demand over periods
/// 1…k, which drive safety stock. Quantiles come from `CumulativeDemandModel` (negative binomial
/// around the method's cumulative forecast, widened by its backtest errors) read at levels that
/// `QuantileCalibration` re-maps so that the batch's own latest held-out windows are covered as
/// often as asked.
///
/// Unlike `ForecastEngine`, positions that statsforecast's seasonal naive leaves NaN (a history
/// shorter than a season) are filled with the history's mean.
public enum DemandForecaster {
    public static let maximumHorizon = 10_000

    /// Forecasts every series of a batch; results are in input order. Deterministic: the same batch
    /// and options always give the same result. A batch forecasts better than one series at a time
    /// because `auto` and the quantile calibration pool evidence across series.
    /// The horizon is clamped to 1…`maximumHorizon` and quantile levels to (0, 1).
    public static func forecast(_ batch: [DemandSeries], options: ForecastOptions) -> [SeriesForecast] {
        let horizon = min(max(1, options.horizon), maximumHorizon)
        let parameters = options.parameters
        let candidates: [ForecastMethod]
        switch options.method {
        case .auto: candidates = AutoSelector.candidates
        case .method(let method): candidates = [method]
        }
        let levels = options.quantiles.map { $0.isNaN ? 0.5 : min(max($0, 1e-6), 1 - 1e-6) }
        let needsBacktest = options.method == .auto || !levels.isEmpty
        var engine = ForecastEngine()
        let profiles = batch.map(DemandProfile.init)
        let backtests =
            needsBacktest
            ? batch.map { engine.backtest($0, candidates: candidates, horizon: horizon, parameters: parameters) } : []
        let methods: [ForecastMethod]
        switch options.method {
        case .auto: methods = AutoSelector(candidates: candidates).choose(backtests, classes: profiles.map(\.demandClass))
        case .method(let method): methods = [ForecastMethod](repeating: method, count: batch.count)
        }
        let forecasts = zip(batch, methods).map { series, method in
            pointForecast(series, method: method, horizon: horizon, parameters: parameters, engine: &engine)
        }
        var quantiles = [[[Double]]](repeating: [], count: batch.count)
        if !levels.isEmpty {
            let calibration = calibrate(batch, methods: methods, backtests: backtests, horizon: horizon, parameters: parameters)
            for i in batch.indices {
                quantiles[i] = cumulativeQuantiles(
                    batch[i], method: methods[i], backtest: backtests[i], forecast: forecasts[i], levels: levels,
                    calibration: calibration, parameters: parameters)
            }
        }
        return batch.indices.map {
            SeriesForecast(method: methods[$0], forecast: forecasts[$0], cumulativeQuantiles: quantiles[$0], profile: profiles[$0])
        }
    }

    /// One series alone (no pooling across series: `auto` leans on the prior ranking and the
    /// series' own backtest, and quantile levels are not re-mapped).
    public static func forecast(_ series: DemandSeries, options: ForecastOptions) -> SeriesForecast {
        let results = forecast([series], options: options)
        return results[results.startIndex]  // one result per input series, so never empty
    }

    static func pointForecast(
        _ series: DemandSeries, method: ForecastMethod, horizon: Int, parameters: ForecastParameters, engine: inout ForecastEngine
    ) -> [Double] {
        guard method == .seasonalNaive else { return engine.forecast(series, method: method, horizon: horizon, parameters: parameters) }
        return series.values.withUnsafeBufferPointer { y in
            (0..<horizon).map { ForecastEngine.filledSeasonalNaive(y, seasonLength: parameters.seasonLength, step: $0 + 1) }
        }
    }
}
