/// The distribution of cumulative demand around a method's cumulative forecast, for safety stock.
///
/// Over k periods the variance is `dispersion × mean + k² × levelVariance`: demand noise that
/// adds up period by period (a negative binomial whose variance-to-mean ratio is the history's),
/// plus the error of the forecast level itself, which repeats in every period and so grows with k².
/// The level error is measured on the backtest: the squared per-period error of each window's
/// cumulative forecast, less the part that the demand noise of the window explains, shrunk toward a
/// prior of one tenth of the per-period variance (a level estimated from about ten periods, as SES
/// with α ≈ 0.1 does) so that short histories keep a sensible width.
struct CumulativeDemandModel: Sendable, Hashable {
    /// A backtest window: the cumulative forecast and the outcome over `periods` periods.
    struct Window: Sendable, Hashable {
        let forecast: Double
        let actual: Double
        let periods: Int
    }

    static let priorWindows = 2.0
    static let priorPeriods = 20.0

    let dispersion: Double
    let levelVariance: Double
    /// Mean per-period error of the backtest windows, shrunk toward 0 like the level variance, for
    /// methods that repeat observations (naive after a zero forecasts 0, and a distribution without
    /// demand in it would never cover one). Smoothing methods keep their own mean: correcting them
    /// measurably over-covered (EVALUATION.md).
    let bias: Double
    let isCount: Bool

    init(history y: UnsafeBufferPointer<Double>, windows: [Window], isCount: Bool, correctsBias: Bool) {
        var sum = 0.0
        for value in y { sum += value }
        let n = Double(max(1, y.count))
        let mean = sum / n
        var squares = 0.0
        for value in y { squares += (value - mean) * (value - mean) }
        let variance = y.count > 1 ? squares / (n - 1) : mean
        var dispersion = mean > 0 ? variance / mean : 1
        if isCount { dispersion = max(1, dispersion) }
        self.dispersion = dispersion
        self.isCount = isCount
        let prior = dispersion * mean / Self.priorPeriods
        var measured = 0.0
        var used = 0.0
        var errorSum = 0.0
        var periodSum = 0.0
        for window in windows where window.periods > 0 {
            errorSum += window.actual - window.forecast
            periodSum += Double(window.periods)
            let periods = Double(window.periods)
            let error = (window.actual - window.forecast) / periods
            let noise = dispersion * max(0, window.actual) / (periods * periods)
            measured += error * error - noise
            used += 1
        }
        let tested = used > 0 ? max(0, measured / used) : 0
        levelVariance = (used * tested + Self.priorWindows * prior) / (used + Self.priorWindows)
        bias = correctsBias && periodSum > 0 ? errorSum / periodSum * used / (used + Self.priorWindows) : 0
    }

    /// The distribution of demand over the next `periods` periods given their cumulative forecast.
    func distribution(cumulativeForecast: Double, periods: Int) -> CountDistribution {
        let k = Double(periods)
        let mean = max(0, cumulativeForecast + k * bias)
        return CountDistribution(mean: mean, variance: dispersion * mean + k * k * levelVariance, isCount: isCount)
    }
}
