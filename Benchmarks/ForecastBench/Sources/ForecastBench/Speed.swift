import Foundation
import PartnerAdvisor

/// Single-threaded timings of the engine on synthetic intermittent series.
enum Speed {
    /// `count` series of `length` periods from `SyntheticDemand` (seed 104).
    static func series(count: Int, length: Int, seed: UInt64 = 104) -> [DemandSeries] {
        var generator = SyntheticDemand(seed: seed)
        return (0..<count).compactMap { _ in try? DemandSeries(generator.series(length: length)) }
    }

    static func csv(_ batch: [DemandSeries]) -> String {
        var text = "series_id,t,y\n"
        for (index, series) in batch.enumerated() {
            for (t, y) in series.values.enumerated() {
                text += "s\(index),\(t),\(Int(y))\n"
            }
        }
        return text
    }

    /// Best of `repeats` wall-clock runs, in seconds.
    static func time(repeats: Int = 3, _ body: () -> Void) -> Double {
        var best = Double.infinity
        for _ in 0..<repeats {
            let start = DispatchTime.now().uptimeNanoseconds
            body()
            best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        return best
    }

    /// Prints `name<TAB>seconds` per method and for auto; with `csvPath`, also writes the series.
    static func run(count: Int, length: Int, horizon: Int, csvPath: String?) throws {
        let batch = series(count: count, length: length)
        if let csvPath { try csv(batch).write(toFile: csvPath, atomically: true, encoding: .utf8) }
        let parameters = ForecastParameters(seasonLength: 7)
        var sink = 0.0
        for method in ForecastMethod.allCases {
            var engine = ForecastEngine()
            let seconds = time {
                for series in batch {
                    sink += engine.forecast(series, method: method, horizon: horizon, parameters: parameters)[0]
                }
            }
            print("\(method.cliName)\t\(seconds)")
        }
        let options = ForecastOptions(horizon: horizon, method: .auto, parameters: parameters)
        let autoSeconds = time { sink += DemandForecaster.forecast(batch, options: options).count.double }
        print("auto\t\(autoSeconds)")
        let quantileOptions = ForecastOptions(horizon: horizon, method: .auto, parameters: parameters, quantiles: [0.9])
        let quantileSeconds = time { sink += DemandForecaster.forecast(batch, options: quantileOptions).count.double }
        print("auto+q0.9\t\(quantileSeconds)")
        if sink.isNaN { print("unreachable") }
    }

    /// The CLI path: read a CSV file, `ForecastBatch.run`, write the output file.
    static func cli(count: Int, length: Int, horizon: Int, quantile: Double?) throws {
        let input = NSTemporaryDirectory() + "forecastbench-cli-input.csv"
        let output = NSTemporaryDirectory() + "forecastbench-cli-output.csv"
        try csv(series(count: count, length: length, seed: 80)).write(toFile: input, atomically: true, encoding: .utf8)
        var failure: (any Error)?
        let seconds = time {
            do {
                let text = try String(contentsOfFile: input, encoding: .utf8)
                let result = try ForecastBatch.run(csv: text, options: ForecastTableOptions(horizon: horizon, quantile: quantile))
                try result.write(toFile: output, atomically: false, encoding: .utf8)
            } catch {
                failure = error
            }
        }
        if let failure { throw failure }
        print("cli auto \(count)x\(length) h=\(horizon)\(quantile.map { " q=\($0)" } ?? "")\t\(seconds)")
    }
}

extension Int {
    fileprivate var double: Double { Double(self) }
}
