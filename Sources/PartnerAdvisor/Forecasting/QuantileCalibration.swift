/// Re-maps quantile levels per horizon so that the batch's own held-out backtest outcomes are
/// covered as often as asked (Kuleshov, Fenner & Ermon 2018, "Accurate uncertainties for deep
/// learning using calibrated regression", ICML): if the model's 90% quantile covered only 85% of
/// the last backtest windows, the 90% quantile is read at the level that covered 90%.
///
/// The outcomes are the mid-PITs of the cumulative demand over k periods from each series' latest
/// origin, under a model fitted without those periods. The map is shrunk toward the identity with a
/// weight of `identityWeight` series, so a small batch keeps the model's levels.
struct QuantileCalibration: Sendable, Hashable {
    static let identityWeight = 50.0

    /// Sorted mid-PITs per horizon (index k − 1).
    private var pits: [[Double]]

    init(horizon: Int) {
        pits = [[Double]](repeating: [], count: max(0, horizon))
    }

    mutating func record(pit: Double, periods: Int) {
        guard periods >= 1, periods <= pits.count, pit.isFinite else { return }
        pits[periods - 1].append(pit)
    }

    mutating func finish() {
        for k in pits.indices {
            pits[k].sort()
        }
    }

    /// The model level to read for `level` at horizon `periods`: the empirical `level`-quantile of
    /// the PITs, shrunk toward `level`. Horizons beyond the backtest windows use the longest one.
    func adjusted(_ level: Double, periods: Int) -> Double {
        var k = min(periods, pits.count) - 1
        while k >= 0 && pits[k].isEmpty { k -= 1 }
        guard k >= 0 else { return level }
        let sample = pits[k]
        let n = Double(sample.count)
        let position = level * (n - 1)
        let lower = Int(position.rounded(.down))
        let upper = min(sample.count - 1, lower + 1)
        let fraction = position - Double(lower)
        let empirical = sample[lower] + (sample[upper] - sample[lower]) * fraction
        let shrunk = (n * empirical + Self.identityWeight * level) / (n + Self.identityWeight)
        return min(1 - 1e-9, max(1e-9, shrunk))
    }
}
