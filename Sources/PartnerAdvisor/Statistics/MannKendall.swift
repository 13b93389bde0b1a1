/// The Mann–Kendall test for a monotonic trend, with Sen's slope.
///
/// S = Σ_{i<j} sign(x_j − x_i); under no trend S is approximately normal with variance
/// [n(n−1)(2n+5) − Σ_t t(t−1)(2t+5)] / 18 (the sum over groups of t tied values), and
/// Z = (S ∓ 1)/√Var(S) with the continuity correction. Mann, H. B. (1945), "Nonparametric tests
/// against trend", *Econometrica* 13(3), 245–259; Kendall, M. G. (1975), *Rank Correlation
/// Methods*; Sen, P. K. (1968), "Estimates of the regression coefficient based on Kendall's tau",
/// *JASA* 63(324), 1379–1389. Rank-based, so it suits intermittent daily sales, which are far
/// from normal and full of ties.
public struct MannKendall: Sendable, Hashable, Codable {
    public enum Direction: String, Sendable, Hashable, Codable {
        case rising
        case falling
        case flat
    }

    public let s: Int
    public let z: Double
    /// Two-sided p-value.
    public let pValue: Double
    /// Sen's slope: the median of the pairwise slopes, per period.
    public let slope: Double
    public let count: Int

    /// Nil with fewer than 4 values (no meaningful test).
    public init?(_ values: [Double]) {
        let x = values.map { $0.isFinite ? $0 : 0 }
        let n = x.count
        guard n >= 4 else { return nil }
        var s = 0
        var slopes: [Double] = []
        slopes.reserveCapacity(n * (n - 1) / 2)
        for i in 0..<(n - 1) {
            for j in (i + 1)..<n {
                let difference = x[j] - x[i]
                s += difference > 0 ? 1 : difference < 0 ? -1 : 0
                slopes.append(difference / Double(j - i))
            }
        }
        var ties: [Double: Int] = [:]
        for value in x { ties[value, default: 0] += 1 }
        let nd = Double(n)
        var variance = nd * (nd - 1) * (2 * nd + 5)
        for t in ties.values where t > 1 {
            let td = Double(t)
            variance -= td * (td - 1) * (2 * td + 5)
        }
        variance /= 18
        self.s = s
        count = n
        if variance > 0 {
            let corrected = s > 0 ? Double(s - 1) : s < 0 ? Double(s + 1) : 0
            z = corrected / variance.squareRoot()
        } else {
            z = 0
        }
        pValue = min(1, 2 * (1 - NormalDistribution.cdf(abs(z))))
        slopes.sort()
        let middle = slopes.count / 2
        slope = slopes.count % 2 == 1 ? slopes[middle] : (slopes[middle - 1] + slopes[middle]) / 2
    }

    /// The trend's direction if significant at `alpha` (two-sided), else flat.
    public func direction(alpha: Double = 0.05) -> Direction {
        guard pValue < alpha else { return .flat }
        return s > 0 ? .rising : .falling
    }
}
