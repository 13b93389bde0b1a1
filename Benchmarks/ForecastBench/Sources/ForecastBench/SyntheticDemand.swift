import Foundation
import PartnerAdvisor

/// Deterministic M5-like daily demand for the benchmark and the evaluation: a mix of Poisson,
/// negative-binomial and compound Bernoulli–gamma demand over log-uniform rates, with weekly
/// seasonality, drifting levels, level shifts, late launches and obsolescence.
struct SyntheticDemand {
    var rng: SplitMix64

    init(seed: UInt64) {
        rng = SplitMix64(seed: seed)
    }

    mutating func uniform(_ low: Double, _ high: Double) -> Double {
        low + (high - low) * rng.nextUnit()
    }

    mutating func normal() -> Double {
        // Box–Muller; 1 − u keeps the logarithm finite.
        let u = 1 - rng.nextUnit()
        let v = rng.nextUnit()
        return (-2 * log(u)).squareRoot() * cos(2 * Double.pi * v)
    }

    mutating func poisson(_ lambda: Double) -> Double {
        guard lambda > 0 else { return 0 }
        if lambda > 30 { return max(0, (lambda + lambda.squareRoot() * normal()).rounded()) }
        let limit = exp(-lambda)
        var product = rng.nextUnit()
        var count = 0.0
        while product > limit {
            product *= rng.nextUnit()
            count += 1
        }
        return count
    }

    /// Marsaglia & Tsang (2000) gamma sampler with scale 1.
    mutating func gamma(_ shape: Double) -> Double {
        if shape < 1 { return gamma(shape + 1) * pow(rng.nextUnit(), 1 / shape) }
        let d = shape - 1.0 / 3.0
        let c = 1 / (9 * d).squareRoot()
        while true {
            let x = normal()
            let v = pow(1 + c * x, 3)
            if v <= 0 { continue }
            let u = rng.nextUnit()
            if log(max(u, 1e-300)) < 0.5 * x * x + d - d * v + d * log(v) { return d * v }
        }
    }

    mutating func negativeBinomial(mean: Double, size: Double) -> Double {
        poisson(gamma(size) * mean / size)
    }

    /// One series of `length` days.
    mutating func series(length: Int) -> [Double] {
        let rate = exp(uniform(log(0.03), log(6)))
        let kind = rng.nextUnit()
        let dispersion = uniform(0.3, 3)
        let probability = min(0.95, uniform(0.05, 1) * min(1, rate))
        let sizeShape = uniform(0.5, 4)
        var weekly = [Double](repeating: 1, count: 7)
        if rng.nextUnit() < 0.6 {
            let amplitude = uniform(0.1, 0.6)
            weekly = (0..<7).map { _ in exp(amplitude * normal()) }
            let mean = weekly.reduce(0, +) / 7
            weekly = weekly.map { $0 / mean }
        }
        let drift = rng.nextUnit() < 0.5 ? uniform(0, 0.03) : 0
        let shiftAt = rng.nextUnit() < 0.25 ? Int(uniform(0.3, 0.95) * Double(length)) : length
        let shift = exp(0.7 * normal())
        let obsoleteAt = rng.nextUnit() < 0.08 ? Int(uniform(0.6, 0.97) * Double(length)) : length
        let launchAt = rng.nextUnit() < 0.1 ? Int(uniform(0, 0.4) * Double(length)) : 0
        let phase = Int(rng.next() % 7)
        var logLevel = 0.0
        var values = [Double](repeating: 0, count: length)
        for t in 0..<length {
            logLevel += drift * normal()
            logLevel = min(1.5, max(-1.5, logLevel))
            var mean = rate * weekly[(t + phase) % 7] * exp(logLevel)
            if t >= shiftAt { mean *= shift }
            if t >= obsoleteAt { mean *= 0.05 }
            if t < launchAt { mean = 0 }
            if kind < 0.35 {
                values[t] = poisson(mean)
            } else if kind < 0.7 {
                values[t] = negativeBinomial(mean: mean, size: dispersion)
            } else {
                // Compound Bernoulli–gamma: a demand occurs with probability p·(seasonal factor), its
                // size is 1 + a rounded gamma with the mean that gives the target rate.
                let p = min(0.95, probability * mean / rate)
                if rng.nextUnit() < p {
                    let sizeMean = max(0, rate / probability - 1)
                    values[t] = 1 + (gamma(sizeShape) * sizeMean / sizeShape).rounded()
                }
            }
        }
        return values
    }
}
