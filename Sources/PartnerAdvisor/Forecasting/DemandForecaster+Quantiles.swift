extension DemandForecaster {
    /// The mid-PITs of every series' latest backtest window under a model that saw none of it.
    static func calibrate(
        _ batch: [DemandSeries], methods: [ForecastMethod], backtests: [SeriesBacktest], horizon: Int,
        parameters: ForecastParameters
    ) -> QuantileCalibration {
        var calibration = QuantileCalibration(horizon: horizon)
        for i in batch.indices {
            let backtest = backtests[i]
            let plan = backtest.plan
            guard plan.originCount > 0, let candidate = backtest.candidates.firstIndex(of: methods[i]) else { continue }
            batch[i].values.withUnsafeBufferPointer { y in
                let n = y.count
                let origin = plan.origin(0, length: n)
                guard let base = y.baseAddress, origin > 0 else { return }
                let prefix = UnsafeBufferPointer(start: base, count: origin)
                let windows = (1..<max(1, plan.originCount)).compactMap { r in
                    window(y, backtest: backtest, candidate: candidate, origin: r, end: origin, parameters: parameters)
                }
                let model = CumulativeDemandModel(
                    history: prefix, windows: windows, isCount: isCount(prefix), correctsBias: correctsBias(methods[i]))
                var cumulativeForecast = 0.0
                var cumulativeActual = 0.0
                for k in 1...plan.window {
                    cumulativeForecast += forecast(
                        prefix, backtest: backtest, candidate: candidate, origin: 0, step: k, parameters: parameters)
                    cumulativeActual += y[origin + k - 1]
                    let pit = model.distribution(cumulativeForecast: cumulativeForecast, periods: k).midPIT(cumulativeActual)
                    calibration.record(pit: pit, periods: k)
                }
            }
        }
        calibration.finish()
        return calibration
    }

    /// Quantiles of cumulative demand for each level, forced monotone in k (they are monotone in
    /// the level already: the re-map and the distribution function are both monotone).
    static func cumulativeQuantiles(
        _ series: DemandSeries, method: ForecastMethod, backtest: SeriesBacktest, forecast: [Double], levels: [Double],
        calibration: QuantileCalibration, parameters: ForecastParameters
    ) -> [[Double]] {
        series.values.withUnsafeBufferPointer { y in
            let candidate = backtest.candidates.firstIndex(of: method) ?? 0
            let windows = (0..<backtest.plan.originCount).compactMap { r in
                window(y, backtest: backtest, candidate: candidate, origin: r, end: y.count, parameters: parameters)
            }
            let model = CumulativeDemandModel(
                history: y, windows: windows, isCount: isCount(y), correctsBias: correctsBias(method))
            return levels.map { level in
                var cumulative = 0.0
                var previous = 0.0
                return forecast.indices.map { index in
                    cumulative += forecast[index].isFinite ? max(0, forecast[index]) : 0
                    let read = calibration.adjusted(level, periods: index + 1)
                    let value = model.distribution(cumulativeForecast: cumulative, periods: index + 1).quantile(read)
                    previous = max(previous, value)
                    return previous
                }
            }
        }
    }

    /// A backtest window of origin `r`, cut at `end` so that a model fitted on `y[0..<end]` never
    /// sees later periods; nil when nothing of it is left.
    private static func window(
        _ y: UnsafeBufferPointer<Double>, backtest: SeriesBacktest, candidate: Int, origin r: Int, end: Int,
        parameters: ForecastParameters
    ) -> CumulativeDemandModel.Window? {
        let origin = backtest.plan.origin(r, length: y.count)
        let periods = min(backtest.plan.window, end - origin)
        guard periods > 0, origin > 0, let base = y.baseAddress else { return nil }
        let prefix = UnsafeBufferPointer(start: base, count: origin)
        var predicted = 0.0
        var actual = 0.0
        for k in 1...periods {
            predicted += forecast(prefix, backtest: backtest, candidate: candidate, origin: r, step: k, parameters: parameters)
            actual += y[origin + k - 1]
        }
        return CumulativeDemandModel.Window(forecast: predicted, actual: actual, periods: periods)
    }

    /// The forecast for `step` periods after backtest origin `r` (`prefix` is the history up to it).
    private static func forecast(
        _ prefix: UnsafeBufferPointer<Double>, backtest: SeriesBacktest, candidate: Int, origin r: Int, step: Int,
        parameters: ForecastParameters
    ) -> Double {
        if backtest.candidates[candidate] == .seasonalNaive {
            return ForecastEngine.filledSeasonalNaive(prefix, seasonLength: parameters.seasonLength, step: step)
        }
        return max(0, backtest.level(candidate: candidate, origin: r))
    }

    static func correctsBias(_ method: ForecastMethod) -> Bool {
        method == .naive || method == .seasonalNaive
    }

    /// Whether every value is a whole number (counts: negative binomial; else a normal).
    static func isCount(_ y: UnsafeBufferPointer<Double>) -> Bool {
        y.allSatisfy { $0.rounded() == $0 }
    }
}
