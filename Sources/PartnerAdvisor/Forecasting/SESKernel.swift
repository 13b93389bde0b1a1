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
    ///
    /// The search is statsforecast's step for step, but each pass over the data evaluates the point
    /// the current step needs *and* both points the next step may need (the next step's bracket
    /// does not depend on the pending value), so one pass decides two steps. The three squared
    /// errors are the same floating-point computations as `sse`, so every comparison, and α, is
    /// bit-identical to the one-point-per-pass search (`optimalAlphaReference`, tested equal).
    static func optimalAlpha(_ x: UnsafeBufferPointer<Double>, lower: Double, upper: Double) -> Double {
        let gr = goldenRatio
        var a = lower
        var b = upper
        var c = b - (b - a) / gr
        var d = a + (b - a) / gr
        var (fc, fd) = sse2(x, c, d)
        while abs(b - a) >= 1e-12 {
            // First step: its new point is known now.
            let pendingIsC: Bool
            let pending: Double
            if fc < fd {
                b = d
                d = c
                fd = fc
                c = b - (b - a) / gr
                pending = c
                pendingIsC = true
            } else if fd < fc {
                a = c
                c = d
                fc = fd
                d = a + (b - a) / gr
                pending = d
                pendingIsC = false
            } else {
                break
            }
            guard abs(b - a) >= 1e-12 else {
                // The loop ends after this step; its value is still computed, as statsforecast does.
                return (b + a) / 2.0
            }
            // Second step: the point it evaluates if the smaller value is at c, or at d.
            let candidateC = d - (d - a) / gr
            let candidateD = c + (b - c) / gr
            let (fPending, fCandidateC, fCandidateD) = sse3(x, pending, candidateC, candidateD)
            if pendingIsC { fc = fPending } else { fd = fPending }
            if fc < fd {
                b = d
                d = c
                fd = fc
                c = candidateC
                fc = fCandidateC
            } else if fd < fc {
                a = c
                c = d
                fc = fd
                d = candidateD
                fd = fCandidateD
            } else {
                break
            }
        }
        return (b + a) / 2.0
    }

    /// statsforecast's search exactly as written, one point per pass (the specification that
    /// `optimalAlpha` is tested against).
    static func optimalAlphaReference(_ x: UnsafeBufferPointer<Double>, lower: Double, upper: Double) -> Double {
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

    /// `sse` at two smoothing constants in one pass (independent chains overlap in the pipeline).
    static func sse2(_ x: UnsafeBufferPointer<Double>, _ alpha0: Double, _ alpha1: Double) -> (Double, Double) {
        let n = x.count
        guard n > 1 else { return (0, 0) }
        let complement0 = 1.0 - alpha0
        let complement1 = 1.0 - alpha1
        var level0 = x[0]
        var level1 = x[0]
        var sse0 = 0.0
        var sse1 = 0.0
        var previous = x[0]
        for i in 1..<n {
            let current = x[i]
            level0 = alpha0 * previous + complement0 * level0
            level1 = alpha1 * previous + complement1 * level1
            let err0 = current - level0
            let err1 = current - level1
            sse0 += err0 * err0
            sse1 += err1 * err1
            previous = current
        }
        return (sse0, sse1)
    }

    /// `sse` at three smoothing constants in one pass.
    static func sse3(
        _ x: UnsafeBufferPointer<Double>, _ alpha0: Double, _ alpha1: Double, _ alpha2: Double
    ) -> (Double, Double, Double) {
        let n = x.count
        guard n > 1 else { return (0, 0, 0) }
        let complement0 = 1.0 - alpha0
        let complement1 = 1.0 - alpha1
        let complement2 = 1.0 - alpha2
        var level0 = x[0]
        var level1 = x[0]
        var level2 = x[0]
        var sse0 = 0.0
        var sse1 = 0.0
        var sse2 = 0.0
        var previous = x[0]
        for i in 1..<n {
            let current = x[i]
            level0 = alpha0 * previous + complement0 * level0
            level1 = alpha1 * previous + complement1 * level1
            level2 = alpha2 * previous + complement2 * level2
            let err0 = current - level0
            let err1 = current - level1
            let err2 = current - level2
            sse0 += err0 * err0
            sse1 += err1 * err1
            sse2 += err2 * err2
            previous = current
        }
        return (sse0, sse1, sse2)
    }

    /// statsforecast `_optimized_ses_forecast`: the forecast with the golden-section α.
    static func optimizedForecast(_ x: UnsafeBufferPointer<Double>, lower: Double, upper: Double) -> Double {
        forecast(x, alpha: optimalAlpha(x, lower: lower, upper: upper))
    }
}
