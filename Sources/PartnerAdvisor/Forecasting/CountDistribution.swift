import Foundation

/// The predictive distribution of a cumulative demand: negative binomial (Poisson when not
/// over-dispersed) for count data, a normal truncated at zero otherwise or when the mean is so large
/// that the count distribution is effectively normal.
///
/// The negative binomial is the Poisson–gamma mixture: Poisson demand whose rate is uncertain.
/// It is the usual model for intermittent retail counts (Syntetos, Babai, Lengu & Altay 2011,
/// "Distributional assumptions for parametric forecasting of intermittent demand", in *Service
/// Parts Management*, Springer; Kolassa 2016, "Evaluating predictive count data distributions in
/// retail sales forecasting", *International Journal of Forecasting* 32(3), 788–803).
struct CountDistribution: Sendable, Hashable {
    /// Above this mean, or this standard deviation, the count distribution is evaluated by its
    /// normal approximation, which keeps the quantile search bounded for high-volume series.
    static let normalAbove = 400.0

    let mean: Double
    let variance: Double
    let isCount: Bool

    init(mean: Double, variance: Double, isCount: Bool) {
        let mean = mean.isFinite ? max(0, mean) : 0
        self.mean = mean
        self.variance = variance.isFinite ? max(variance, isCount ? mean : 0) : mean
        self.isCount = isCount
    }

    private var usesNormal: Bool { !isCount || mean > Self.normalAbove || variance > Self.normalAbove * Self.normalAbove }

    /// The smallest value whose distribution function reaches `level` (0 when the mean is 0).
    func quantile(_ level: Double) -> Double {
        guard mean > 0, level > 0 else { return 0 }
        let level = min(level, 1 - 1e-12)
        if usesNormal {
            let value = mean + variance.squareRoot() * NormalDistribution.quantile(level)
            return isCount ? max(0, value.rounded(.up)) : max(0, value)
        }
        var x = 0.0
        var cdf = 0.0
        var terms = CountTerms(distribution: self)
        while true {
            cdf += terms.pmf
            if cdf >= level || x > 1e7 { return x }
            terms.advance(from: x)
            x += 1
        }
    }

    /// The mid-distribution PIT of an outcome: P(S < s) + P(S = s)/2 for counts (Czado, Gneiting &
    /// Held 2009, *Biometrics* 65(4)), the distribution function otherwise.
    func midPIT(_ outcome: Double) -> Double {
        guard mean > 0 else { return outcome > 0 ? 1 : 0.5 }
        if usesNormal {
            let sd = variance.squareRoot()
            guard sd > 0 else { return outcome < mean ? 0 : outcome > mean ? 1 : 0.5 }
            // Counts: continuity-corrected mid-PIT.
            return NormalDistribution.cdf((outcome - mean) / sd)
        }
        var below = 0.0
        var terms = CountTerms(distribution: self)
        var x = 0.0
        while x < outcome {
            below += terms.pmf
            // The rest of the mass is below rounding: no need to walk up to a far outcome.
            if below >= 1 - 1e-15 { return 1 }
            terms.advance(from: x)
            x += 1
        }
        return min(1, below + terms.pmf / 2)
    }
}

/// Successive probabilities of a negative binomial (or Poisson) by the ratio recurrence.
private struct CountTerms {
    var pmf: Double
    let size: Double?
    let ratio: Double

    init(distribution: CountDistribution) {
        let m = distribution.mean
        let excess = distribution.variance - m
        if excess > 1e-9 * m {
            // r = m² / (V − m), success probability p = m / V, P(0) = p^r.
            let r = m * m / excess
            let p = m / distribution.variance
            size = r
            ratio = 1 - p
            pmf = exp(r * log(p))
        } else {
            size = nil
            ratio = m
            pmf = exp(-m)
        }
    }

    mutating func advance(from x: Double) {
        if let size {
            pmf *= (x + size) / (x + 1) * ratio
        } else {
            pmf *= ratio / (x + 1)
        }
    }
}
