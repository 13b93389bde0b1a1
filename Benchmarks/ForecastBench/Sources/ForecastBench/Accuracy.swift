import Foundation
import PartnerAdvisor

/// Point accuracy and quantile calibration on a synthetic held-out set: every series is cut
/// `horizon` days before its end, forecast from the rest, and scored on the cut days.
struct Accuracy {
    struct Item {
        let history: DemandSeries
        let actual: [Double]
        let maseScale: Double
        let rmsseScale: Double
    }

    let items: [Item]
    let horizon: Int

    init(series count: Int, seed: UInt64, horizon: Int) {
        var generator = SyntheticDemand(seed: seed)
        var items: [Item] = []
        for _ in 0..<count {
            let length = 100 + Int(generator.rng.next() % 300)
            let values = generator.series(length: length + horizon)
            let history = Array(values[0..<length])
            var absolute = 0.0
            var squared = 0.0
            for t in 1..<length {
                absolute += abs(history[t] - history[t - 1])
                squared += (history[t] - history[t - 1]) * (history[t] - history[t - 1])
            }
            // Series whose history never changes have no MASE scale; M5 drops them the same way.
            guard absolute > 0, let series = try? DemandSeries(history) else { continue }
            items.append(
                Item(
                    history: series, actual: Array(values[length...]), maseScale: absolute / Double(length - 1),
                    rmsseScale: squared / Double(length - 1)))
        }
        self.items = items
        self.horizon = horizon
    }

    struct Scores {
        var mase = 0.0
        var rmsse = 0.0
        var forecastTotal = 0.0
        var actualTotal = 0.0
        var methods: [ForecastMethod: Int] = [:]
        var coverage: [Double: [Int: Double]] = [:]
        var seconds = 0.0
    }

    static let levels = [0.5, 0.8, 0.9, 0.95]
    static let coverageHorizons = [1, 7, 14, 28]

    func score(_ choice: ForecastMethodChoice) -> Scores {
        let options = ForecastOptions(
            horizon: horizon, method: choice, parameters: ForecastParameters(seasonLength: 7), quantiles: Self.levels)
        let start = Date()
        let results = DemandForecaster.forecast(items.map(\.history), options: options)
        var scores = Scores()
        scores.seconds = Date().timeIntervalSince(start)
        var hits = [Double: [Int: Int]]()
        for (item, result) in zip(items, results) {
            var absolute = 0.0
            var squared = 0.0
            for (f, a) in zip(result.forecast, item.actual) {
                absolute += abs(f - a)
                squared += (f - a) * (f - a)
                scores.forecastTotal += f
                scores.actualTotal += a
            }
            scores.mase += absolute / Double(horizon) / item.maseScale
            scores.rmsse += (squared / Double(horizon) / item.rmsseScale).squareRoot()
            scores.methods[result.method, default: 0] += 1
            for (levelIndex, level) in Self.levels.enumerated() {
                var cumulative = 0.0
                for k in 1...horizon {
                    cumulative += item.actual[k - 1]
                    if Self.coverageHorizons.contains(k), cumulative <= result.cumulativeQuantiles[levelIndex][k - 1] {
                        hits[level, default: [:]][k, default: 0] += 1
                    }
                }
            }
        }
        let n = Double(items.count)
        scores.mase /= n
        scores.rmsse /= n
        for level in Self.levels {
            for k in Self.coverageHorizons {
                scores.coverage[level, default: [:]][k] = Double(hits[level]?[k] ?? 0) / n
            }
        }
        return scores
    }

    /// The accuracy table (markdown) for every method and auto, then auto's choices and coverage by
    /// horizon.
    func report() -> String {
        let header =
            "| method | MASE | RMSSE | bias (Σforecast/Σactual − 1) | coverage 50/80/90/95% of cumulative demand at h = \(horizon) |"
        var lines = [header, "|---|---|---|---|---|"]
        let choices = [ForecastMethodChoice.auto] + ForecastMethod.allCases.map(ForecastMethodChoice.method)
        let all = choices.map { ($0, score($0)) }
        for (choice, s) in all {
            let coverage = Self.levels.map { String(format: "%.1f", 100 * (s.coverage[$0]?[horizon] ?? 0)) }.joined(separator: " / ")
            lines.append(
                "| \(choice.cliName) | \(String(format: "%.4f", s.mase)) | \(String(format: "%.4f", s.rmsse)) | "
                    + "\(String(format: "%+.1f%%", 100 * (s.forecastTotal / s.actualTotal - 1))) | \(coverage) |")
        }
        guard let auto = all.first?.1 else { return lines.joined(separator: "\n") }
        let best = all.dropFirst().map(\.1.mase).min() ?? auto.mase
        lines.append("")
        lines.append(String(format: "auto MASE vs the best single method in hindsight: %+.2f%%", 100 * (auto.mase / best - 1)))
        lines.append("")
        lines.append(
            "auto chose: " + auto.methods.sorted { $0.value > $1.value }.map { "\($0.key.cliName) \($0.value)" }.joined(separator: ", "))
        lines.append("")
        lines.append("| auto: share of held-out cumulative demand ≤ the quantile | h = 1 | h = 7 | h = 14 | h = 28 |")
        lines.append("|---|---|---|---|---|")
        for level in Self.levels {
            let row = Self.coverageHorizons.map { String(format: "%.1f%%", 100 * (auto.coverage[level]?[$0] ?? 0)) }
            lines.append("| \(Int(level * 100))% | " + row.joined(separator: " | ") + " |")
        }
        lines.append("")
        lines.append(String(format: "time for the %d series (auto with 4 quantiles): %.3f s", items.count, auto.seconds))
        return lines.joined(separator: "\n")
    }
}
