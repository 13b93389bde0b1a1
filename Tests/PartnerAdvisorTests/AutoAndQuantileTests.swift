import PartnerAdvisor
import Testing

@Suite struct AutoAndQuantileTests {
    private func batch(seed: UInt64, count: Int = 60, length: Int = 120) -> [DemandSeries] {
        var generator = SplitMix64(seed: seed)
        return (0..<count).compactMap { index in
            let probability = 0.05 + 0.9 * Double(index) / Double(count)
            let values = (0..<length).map { _ in generator.nextUnit() < probability ? (1 + generator.nextUnit() * 6).rounded(.down) : 0 }
            return try? DemandSeries(values)
        }
    }

    @Test func autoIsDeterministicAndPicksACandidate() {
        let series = batch(seed: 11)
        let options = ForecastOptions(horizon: 28, quantiles: [0.9])
        let first = DemandForecaster.forecast(series, options: options)
        let second = DemandForecaster.forecast(series, options: options)
        #expect(first == second)
        #expect(first.allSatisfy { AutoSelector.candidates.contains($0.method) })
    }

    @Test func exactTiesGoToTheEarlierCandidate() throws {
        // A constant history: every candidate forecasts the constant and has the same backtest error.
        let constant = try DemandSeries([Double](repeating: 2, count: 60))
        let result = DemandForecaster.forecast(constant, options: ForecastOptions(horizon: 7))
        #expect(result.method == AutoSelector.candidates[0])
        var engine = ForecastEngine()
        let backtest = engine.backtest(constant, candidates: [.ses, .naive], horizon: 7, parameters: .init())
        #expect(backtest.best == .ses)
    }

    @Test func quantilesAreMonotoneInLevelAndHorizonAndNeverNegative() {
        let levels = [0.05, 0.5, 0.8, 0.9, 0.95, 0.99]
        for choice in [ForecastMethodChoice.auto, .method(.naive), .method(.croston), .method(.seasonalNaive)] {
            let options = ForecastOptions(horizon: 28, method: choice, parameters: .init(seasonLength: 7), quantiles: levels)
            for result in DemandForecaster.forecast(batch(seed: 5), options: options) {
                for quantiles in result.cumulativeQuantiles {
                    #expect(quantiles.count == 28)
                    #expect(quantiles.allSatisfy { $0 >= 0 && $0.isFinite })
                    #expect(zip(quantiles, quantiles.dropFirst()).allSatisfy { $0 <= $1 })
                }
                for (lower, upper) in zip(result.cumulativeQuantiles, result.cumulativeQuantiles.dropFirst()) {
                    #expect(zip(lower, upper).allSatisfy { $0 <= $1 })
                }
            }
        }
    }

    @Test func ninetyPercentQuantilesCoverAboutNinetyPercentOfHeldOutDemand() {
        // Poisson-like demand at several rates: hold out the last 28 periods.
        var generator = SplitMix64(seed: 99)
        var histories: [DemandSeries] = []
        var futures: [Double] = []
        for index in 0..<300 {
            let rate = 0.05 + Double(index % 30) * 0.1
            var values: [Double] = []
            for _ in 0..<148 {
                var count = 0.0
                var product = generator.nextUnit()
                let limit = (-rate).exp
                while product > limit {
                    product *= generator.nextUnit()
                    count += 1
                }
                values.append(count)
            }
            guard let history = try? DemandSeries(Array(values.prefix(120))) else { continue }
            histories.append(history)
            futures.append(values.suffix(28).reduce(0, +))
        }
        let results = DemandForecaster.forecast(histories, options: ForecastOptions(horizon: 28, quantiles: [0.9]))
        let covered = zip(results, futures).filter { result, future in future <= (result.cumulativeQuantiles[0].last ?? 0) }.count
        let coverage = Double(covered) / Double(results.count)
        #expect(coverage > 0.84 && coverage < 0.97, "coverage \(coverage)")
    }
}

extension Double {
    fileprivate var exp: Double {
        // e^x by its series; enough for the test's small rates.
        var term = 1.0
        var sum = 1.0
        for n in 1..<40 {
            term *= self / Double(n)
            sum += term
        }
        return sum
    }
}
