/// ADIDA and IMAPA as statsforecast 2.1.1 computes them (`_adida`, `_imapa`, `chunk_forecast`).
///
/// Nikolopoulos, K., Syntetos, A. A., Boylan, J. E., Petropoulos, F. & Assimakopoulos, V. (2011).
/// An aggregate–disaggregation intermittent demand approach (ADIDA) to forecasting: an empirical
/// proposition and analysis. *Journal of the Operational Research Society* 62(3), 544–554: sum the
/// series into non-overlapping buckets (here as long as the mean inter-demand interval), forecast
/// the bucket totals by SES, and spread the forecast back evenly. IMAPA averages ADIDA-style
/// forecasts over every level 1…that interval (Petropoulos, F. & Kourentzes, N. (2015). Forecast
/// combinations for intermittent demand. *Journal of the Operational Research Society* 66(6),
/// 914–924), building on the same aggregation idea.
///
/// The aggregation level is the mean interval rounded half to even (Python's `round` on a float),
/// incomplete buckets are dropped from the *start*, and SES on the bucket totals uses α from a
/// golden-section search on (0.1, 0.3). A series without demand forecasts 0.
enum AggregationKernel {
    static let bounds = (lower: 0.1, upper: 0.3)

    /// The rounded mean inter-demand interval, or nil when there is no demand. The intervals sum to
    /// the 1-based index of the last demand, so no pass over them is needed (the integer sum and
    /// quotient are exact, as in numpy's `mean`).
    static func meanIntervalLevel(_ y: UnsafeBufferPointer<Double>) -> Int? {
        var count = 0
        var last = -1
        for i in 0..<y.count where y[i] != 0 {
            count += 1
            last = i
        }
        guard count > 0 else { return nil }
        let mean = Double(last + 1) / Double(count)
        return max(1, Int(mean.rounded(.toNearestOrEven)))
    }

    /// statsforecast `chunk_forecast`: SES on sequential bucket sums. `scratch` holds ≥ n / level.
    static func chunkForecast(
        _ y: UnsafeBufferPointer<Double>, level: Int, scratch: UnsafeMutablePointer<Double>
    ) -> Double {
        let n = y.count
        let lost = n % level
        let chunks = (n - lost) / level
        if chunks < 1 { return n == 0 ? 0 : y[n - 1] }
        for chunk in 0..<chunks {
            var sum = 0.0
            let start = lost + chunk * level
            for j in 0..<level {
                sum += y[start + j]
            }
            scratch[chunk] = sum
        }
        if chunks == 1 { return scratch[0] }
        let sums = UnsafeBufferPointer(start: scratch, count: chunks)
        return SESKernel.optimizedForecast(sums, lower: bounds.lower, upper: bounds.upper)
    }

    /// ADIDA. `scratch` needs room for `y.count` values.
    static func adida(_ y: UnsafeBufferPointer<Double>, scratch: UnsafeMutableBufferPointer<Double>) -> Double {
        guard let level = meanIntervalLevel(y), let base = scratch.baseAddress else { return 0 }
        return chunkForecast(y, level: level, scratch: base) / Double(level)
    }

    /// IMAPA. `scratch` needs room for `2 * y.count` values: the bucket sums of one level, then the
    /// per-level forecasts, which are averaged in numpy's summation order.
    static func imapa(_ y: UnsafeBufferPointer<Double>, scratch: UnsafeMutableBufferPointer<Double>) -> Double {
        guard let maxLevel = meanIntervalLevel(y), let base = scratch.baseAddress else { return 0 }
        let n = y.count
        let sums = base
        let forecasts = base + n
        for level in 1...maxLevel {
            let lost = n % level
            let chunks = (n - lost) / level
            let forecast: Double
            if level == 1 {
                forecast = SESKernel.optimizedForecast(y, lower: bounds.lower, upper: bounds.upper)
            } else {
                for chunk in 0..<chunks {
                    sums[chunk] = NumpySum.pairwise(base: y, offset: lost + chunk * level, count: level)
                }
                let buffer = UnsafeBufferPointer(start: sums, count: chunks)
                forecast = SESKernel.optimizedForecast(buffer, lower: bounds.lower, upper: bounds.upper)
            }
            forecasts[level - 1] = forecast / Double(level)
        }
        return NumpySum.pairwise(UnsafePointer(forecasts), count: maxLevel) / Double(maxLevel)
    }
}
