/// Croston's method and its variants as statsforecast 2.1.1 computes them (`_croston_classic`,
/// `_croston_sba`, `_croston_optimized`).
///
/// - Croston, J. D. (1972). Forecasting and stock control for intermittent demands. *Operational
///   Research Quarterly* 23(3), 289–303: smooth the non-zero demand sizes and the intervals between
///   them separately and forecast their ratio.
/// - Syntetos, A. A. & Boylan, J. E. (2005). The accuracy of intermittent demand estimates.
///   *International Journal of Forecasting* 21(2), 303–314: Croston is biased upwards; the SBA
///   factor (1 − α/2) = 0.95 for α = 0.1 removes most of the bias.
///
/// Sizes are the positive observations; the interval of a demand is its 1-based index minus the
/// previous demand's (the first counts from the start). A series without demand is forecast by its
/// last value (statsforecast falls back to `_naive`), which is 0 for valid demand.
enum CrostonKernel {
    /// statsforecast's fixed smoothing constant for both parts of classic Croston and SBA.
    static let classicAlpha = 0.1
    /// The SBA debiasing factor 1 − α/2 with α = 0.1.
    static let sbaFactor = 0.95
    /// statsforecast's search bounds for the optimised parts (`_optimized_ses_forecast` default).
    static let optimizedBounds = (lower: 0.1, upper: 0.3)

    /// Classic Croston in one pass: both smoothers run inline over the non-zero observations, with
    /// statsforecast's initialisation (first size, first interval) and single-demand special case.
    static func classic(_ y: UnsafeBufferPointer<Double>) -> Double {
        let alpha = classicAlpha
        let complement = 1.0 - alpha
        var count = 0
        var previous = 0
        var size = 0.0
        var interval = 0.0
        var firstSize = 0.0
        var firstInterval = 0.0
        for i in 0..<y.count where y[i] != 0 {
            let s = y[i]
            let q = Double(i + 1 - previous)
            previous = i + 1
            if count == 0 {
                size = s
                interval = q
                firstSize = s
                firstInterval = q
            }
            size = alpha * s + complement * size
            interval = alpha * q + complement * interval
            count += 1
        }
        if count == 0 { return y.isEmpty ? 0 : y[y.count - 1] }
        if count == 1 {
            size = firstSize
            interval = firstInterval
        }
        return interval != 0 ? size / interval : size
    }

    /// Croston with both smoothing constants chosen by golden section on (0.1, 0.3). `scratch`
    /// needs room for `2 * y.count` values.
    static func optimized(_ y: UnsafeBufferPointer<Double>, scratch: UnsafeMutableBufferPointer<Double>) -> Double {
        guard let base = scratch.baseAddress else { return y.isEmpty ? 0 : y[y.count - 1] }
        let n = y.count
        let sizes = base
        let intervals = base + n
        var count = 0
        var previous = 0
        for i in 0..<n where y[i] != 0 {
            sizes[count] = y[i]
            intervals[count] = Double(i + 1 - previous)
            previous = i + 1
            count += 1
        }
        if count == 0 { return n == 0 ? 0 : y[n - 1] }
        let bounds = optimizedBounds
        let sizeBuffer = UnsafeBufferPointer(start: sizes, count: count)
        let intervalBuffer = UnsafeBufferPointer(start: intervals, count: count)
        let size = SESKernel.optimizedForecast(sizeBuffer, lower: bounds.lower, upper: bounds.upper)
        let interval = SESKernel.optimizedForecast(intervalBuffer, lower: bounds.lower, upper: bounds.upper)
        return interval != 0 ? size / interval : size
    }
}
