/// Accuracy of a forecast against the periods it forecast, scaled so that series of any volume
/// compare: MASE (Hyndman & Koehler 2006, "Another look at measures of forecast accuracy",
/// *International Journal of Forecasting* 22(4)) and RMSSE (the M5 competition's measure, Makridakis,
/// Spiliotis & Assimakopoulos 2022, *IJF* 38(4)), both scaled by the in-sample one-step naive
/// errors of the training part; and the bias Σforecast / Σactual − 1.
public struct ForecastAccuracy: Sendable, Hashable, Codable {
    public let mase: Double
    public let rmsse: Double
    /// Nil when nothing was sold in the held-out periods.
    public let bias: Double?
    /// Σ|error|, Σerror², Σforecast and Σactual, for pooling over many series.
    public let absoluteError: Double
    public let squaredError: Double
    public let forecastTotal: Double
    public let actualTotal: Double

    /// Scores `forecast` against `actual`, scaled by `training`'s one-step changes; nil when the
    /// training part never changes (no scale, left out as in M5) or the lengths do not match.
    public init?(training: [Double], actual: [Double], forecast: [Double]) {
        guard training.count >= 2, !actual.isEmpty, actual.count == forecast.count else { return nil }
        var absoluteScale = 0.0
        var squaredScale = 0.0
        for t in 1..<training.count {
            let change = training[t] - training[t - 1]
            absoluteScale += abs(change)
            squaredScale += change * change
        }
        absoluteScale /= Double(training.count - 1)
        squaredScale /= Double(training.count - 1)
        guard absoluteScale > 0, squaredScale > 0 else { return nil }
        var absolute = 0.0
        var squared = 0.0
        for (f, y) in zip(forecast, actual) {
            absolute += abs(y - f)
            squared += (y - f) * (y - f)
        }
        let n = Double(actual.count)
        mase = absolute / n / absoluteScale
        rmsse = (squared / n / squaredScale).squareRoot()
        absoluteError = absolute
        squaredError = squared
        forecastTotal = forecast.reduce(0, +)
        actualTotal = actual.reduce(0, +)
        bias = actualTotal > 0 ? forecastTotal / actualTotal - 1 : nil
    }

    /// Holds out the last `periods` of `series` (at most all but 14), forecasts them with `method`
    /// from the rest, and scores the forecast; nil when the series is too short or never changes.
    public static func holdout(
        _ series: DemandSeries, method: ForecastMethod, periods: Int, parameters: ForecastParameters
    ) -> ForecastAccuracy? {
        let values = series.values
        let held = min(periods, values.count - BacktestPlan.minimumTraining)
        guard held >= 1, let training = try? DemandSeries(Array(values.prefix(values.count - held))) else { return nil }
        var engine = ForecastEngine()
        let forecast = DemandForecaster.pointForecast(training, method: method, horizon: held, parameters: parameters, engine: &engine)
        return ForecastAccuracy(training: training.values, actual: Array(values.suffix(held)), forecast: forecast)
    }
}
