/// Simple exponential smoothing exactly as statsforecast 2.1.1 computes it (`src/ses.cpp`:
/// `ses_forecast`, `ses_sse`, `golden_section_ses`), over raw buffers so that the intermittent
/// methods and the backtest can reuse scratch memory.
///
/// SES: Hyndman & Athanasopoulos, *Forecasting: Principles and Practice* (3rd ed., 2021), §8.1.
///
/// Every expression keeps statsforecast's operation order (`alpha * x + (1 - alpha) * f`, no fused
/// multiply-add): the optimised methods stop their golden-section search only when the bracket is
/// narrower than 1e-12, so the last comparisons are decided by rounding noise in the squared error,
/// and only the same arithmetic reproduces the same α.
enum SESKernel {
    /// The one-step-ahead forecast after smoothing all of `x` (statsforecast `ses_forecast`).
    /// The level starts at `x[0]`; a single observation is its own forecast. An empty buffer, which
    /// statsforecast rejects, forecasts 0.
    static func forecast(_ x: UnsafeBufferPointer<Double>, alpha: Double) -> Double {
        let n = x.count
        guard n > 1 else { return n == 1 ? x[0] : 0 }
        let complement = 1.0 - alpha
        var level = x[0]
        for i in 0..<n {
            level = alpha * x[i] + complement * level
        }
        return level
    }

    /// The in-sample sum of squared one-step errors from the second observation on (`ses_sse`).
    static func sse(_ x: UnsafeBufferPointer<Double>, alpha: Double) -> Double {
        let n = x.count
        guard n > 1 else { return 0 }
        let complement = 1.0 - alpha
        var level = x[0]
        var sse = 0.0
        var previous = x[0]
        for i in 1..<n {
            let current = x[i]
            level = alpha * previous + complement * level
            let err = current - level
            sse += err * err
            previous = current
        }
        return sse
    }

    /// The golden ratio as statsforecast writes it.
    static let goldenRatio = (5.0.squareRoot() + 1.0) / 2.0

    /// The α that minimises `sse` on `[lower, upper]` by golden-section search (`golden_section_ses`):
    /// it stops when the bracket is narrower than 1e-12, or at once on an exact tie (for example a
    /// series of fewer than two points, whose error is always 0), and returns the bracket's midpoint.
    static func optimalAlpha(_ x: UnsafeBufferPointer<Double>, lower: Double, upper: Double) -> Double {
        let gr = goldenRatio
        var a = lower
        var b = upper
        var c = b - (b - a) / gr
        var d = a + (b - a) / gr
        var fc = sse(x, alpha: c)
        var fd = sse(x, alpha: d)
        while abs(b - a) >= 1e-12 {
            if fc < fd {
                b = d
                d = c
                fd = fc
                c = b - (b - a) / gr
                fc = sse(x, alpha: c)
            } else if fd < fc {
                a = c
                c = d
                fc = fd
                d = a + (b - a) / gr
                fd = sse(x, alpha: d)
            } else {
                break
            }
        }
        return (b + a) / 2.0
    }

    /// statsforecast `_optimized_ses_forecast`: the forecast with the golden-section α.
    static func optimizedForecast(_ x: UnsafeBufferPointer<Double>, lower: Double, upper: Double) -> Double {
        forecast(x, alpha: optimalAlpha(x, lower: lower, upper: upper))
    }
}
