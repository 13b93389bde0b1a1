/// Chooses the method of every series of a batch under `auto`.
///
/// Each series' rolling-origin backtest (`SeriesBacktest`: MASE over up to four overlapping
/// windows) is pooled with the other series of its Syntetos–Boylan class, and the class pool is
/// shrunk toward the whole batch, which in turn is shrunk toward a fixed prior ranking; the series
/// gets the candidate with the smallest pooled score, the earlier candidate winning exact ties.
///
/// Why pooled: choosing on a series' own few overlapping windows was measured (EVALUATION.md) to be
/// less accurate than pooling, because one series' backtest says little about its next 28 days
/// (Fildes & Petropoulos 2015, "Simple versus complex selection rules for forecasting many time
/// series", *Journal of Business Research* 68(8), 1692–1701). Why these candidates: naive, seasonal
/// naive and the Croston family lose clearly on absolute error for intermittent demand, and naive
/// wins backtests by luck (a zero last value) more often than it wins the future.
public struct AutoSelector: Sendable, Hashable {
    /// Candidates in tie-break order.
    public static let candidates: [ForecastMethod] = [.imapa, .adida, .sesOptimized, .tsb, .ses]
    /// Relative prior scores of the candidates (lower is better), from the synthetic evaluation.
    static let prior: [Double] = [1.0, 1.004, 1.004, 1.01, 1.01]
    /// Weight of the prior, in series.
    static let priorWeight = 10.0
    /// Weight of the whole batch in a class's score, in series.
    static let batchWeight = 30.0

    public let candidates: [ForecastMethod]

    public init(candidates: [ForecastMethod] = Self.candidates) {
        self.candidates = candidates
    }

    /// One method per series, in order. `backtests` must have been run with `candidates`.
    public func choose(_ backtests: [SeriesBacktest], classes: [DemandClass]) -> [ForecastMethod] {
        let count = candidates.count
        var batchSum = [Double](repeating: 0, count: count)
        var batchSeries = 0.0
        var classSums = [DemandClass: [Double]]()
        var classSeries = [DemandClass: Double]()
        for (backtest, demandClass) in zip(backtests, classes) where Self.pools(backtest, count: count) {
            for j in 0..<count {
                batchSum[j] += backtest.scaledErrors[j]
            }
            classSums[demandClass, default: [Double](repeating: 0, count: count)].addInPlace(backtest.scaledErrors)
            classSeries[demandClass, default: 0] += 1
            batchSeries += 1
        }
        let level = batchSeries > 0 ? batchSum.reduce(0, +) / (batchSeries * Double(count)) : 1
        let priors = (0..<count).map { $0 < Self.prior.count ? Self.prior[$0] : Self.prior.last ?? 1 }
        let batchScore = (0..<count).map { (batchSum[$0] + Self.priorWeight * priors[$0] * level) / (batchSeries + Self.priorWeight) }
        var chosen = [DemandClass: ForecastMethod]()
        for demandClass in DemandClass.allCases {
            let sums = classSums[demandClass] ?? [Double](repeating: 0, count: count)
            let n = classSeries[demandClass] ?? 0
            var best = 0
            var bestScore = Double.infinity
            for j in 0..<count {
                let score = (sums[j] + Self.batchWeight * batchScore[j]) / (n + Self.batchWeight)
                if score < bestScore {
                    bestScore = score
                    best = j
                }
            }
            chosen[demandClass] = candidates.isEmpty ? .imapa : candidates[best]
        }
        return classes.map { chosen[$0] ?? candidates.first ?? .imapa }
    }

    /// Series that inform the pool: tested, with a non-constant history (a zero MASE scale would
    /// make its errors unscaled) and finite errors.
    private static func pools(_ backtest: SeriesBacktest, count: Int) -> Bool {
        !backtest.isEmpty && backtest.scale > 0 && backtest.scaledErrors.count == count
            && backtest.scaledErrors.allSatisfy(\.isFinite)
    }
}

extension Array where Element == Double {
    fileprivate mutating func addInPlace(_ other: [Double]) {
        for i in indices where i < other.count {
            self[i] += other[i]
        }
    }
}
