import PartnerAdvisor

/// How `auto`'s selection rules compare with the best single method chosen in hindsight, over
/// several synthetic evaluation sets: the shipped pooled rule, and choosing on each series' own
/// backtest among the same candidates or among every method.
enum Selection {
    static func report(sets: Int, seriesPerSet: Int, firstSeed: UInt64) -> String {
        var excess: [String: [Double]] = [:]
        for seed in firstSeed..<(firstSeed + UInt64(sets)) {
            let accuracy = Accuracy(series: seriesPerSet, seed: seed, horizon: 28)
            let parameters = ForecastParameters(seasonLength: 7)
            let histories = accuracy.items.map(\.history)
            var engine = ForecastEngine()
            var forecasts: [ForecastMethod: [[Double]]] = [:]
            for method in ForecastMethod.allCases {
                let options = ForecastOptions(horizon: 28, method: .method(method), parameters: parameters)
                forecasts[method] = DemandForecaster.forecast(histories, options: options).map(\.forecast)
            }
            let autoForecasts = DemandForecaster.forecast(histories, options: ForecastOptions(horizon: 28, parameters: parameters))
            func mase(_ pick: (Int) -> [Double]) -> Double {
                var total = 0.0
                for (index, item) in accuracy.items.enumerated() {
                    let forecast = pick(index)
                    total += zip(forecast, item.actual).map { abs($0 - $1) }.reduce(0, +) / 28 / item.maseScale
                }
                return total / Double(accuracy.items.count)
            }
            let best = ForecastMethod.allCases.map { method in mase { forecasts[method]?[$0] ?? [] } }.min() ?? 1
            func perSeries(_ candidates: [ForecastMethod]) -> Double {
                mase { index in
                    let backtest = engine.backtest(histories[index], candidates: candidates, horizon: 28, parameters: parameters)
                    return forecasts[backtest.best ?? candidates[0]]?[index] ?? []
                }
            }
            let rules: [(String, Double)] = [
                ("auto (pooled by demand class, shipped)", mase { autoForecasts[$0].forecast }),
                ("own backtest, auto's 5 candidates", perSeries(AutoSelector.candidates)),
                ("own backtest, all 10 methods", perSeries(ForecastMethod.allCases)),
            ]
            for (name, value) in rules { excess[name, default: []].append(100 * (value / best - 1)) }
        }
        var lines = [
            "| rule (\(sets) sets × \(seriesPerSet) series) | mean excess MASE | worst set | sets over +2% |", "|---|---|---|---|",
        ]
        for name in excess.keys.sorted() {
            let values = excess[name] ?? []
            let mean = values.reduce(0, +) / Double(max(1, values.count))
            lines.append(
                "| \(name) | \(String(format: "%+.2f%%", mean)) | \(String(format: "%+.2f%%", values.max() ?? 0)) | "
                    + "\(values.filter { $0 > 2 }.count) / \(values.count) |")
        }
        return lines.joined(separator: "\n")
    }
}
