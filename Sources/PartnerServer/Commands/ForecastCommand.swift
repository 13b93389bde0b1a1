import ArgumentParser
import Foundation

/// `partneros forecast`: CSV `series_id,t,y` in, CSV forecasts out, no database. Every flag is read
/// as text and checked by `ForecastCommandLine`, so a bad value exits with code 2 and one clear line
/// rather than ArgumentParser's usage error (64).
struct ForecastCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forecast",
        abstract: "Forecast demand series from a CSV file (series_id,t,y); no database needed.",
        discussion: """
            Output: series_id,h,forecast,method (+ cumulative_q with --quantile), to stdout or --output.
            Any problem in the flags or the input exits with code 2, names each bad input line (the
            header is line 1) on stderr, and writes nothing.
            """)

    @Option(help: "The input CSV file with the columns series_id,t,y (t: integers or dates YYYY-MM-DD); - reads stdin.")
    var input: String

    @Option(help: "Periods to forecast after the last t of the file (≥ 1).")
    var horizon: String

    @Option(help: "auto, ses, ses-opt, croston, sba, croston-opt, tsb, adida, imapa, naive or seasonal-naive.")
    var method = "auto"

    @Option(help: "Smoothing constant of ses, in (0, 1].")
    var alpha = "0.1"

    @Option(name: .customLong("alpha-d"), help: "TSB's smoothing constant of the demand size, in (0, 1].")
    var alphaD = "0.1"

    @Option(name: .customLong("alpha-p"), help: "TSB's smoothing constant of the demand probability, in (0, 1].")
    var alphaP = "0.1"

    @Option(name: .customLong("season-length"), help: "Season of seasonal-naive (default: 7 for dates, 1 for integers).")
    var seasonLength: String?

    @Option(help: "Adds cumulative_q, the Q-quantile of the demand summed over periods 1…h; Q in (0, 1).")
    var quantile: String?

    @Option(help: "Write the CSV to this file (replaced only when the whole forecast succeeded) instead of stdout.")
    var output: String?

    var arguments: ForecastCommandLine.Arguments {
        .init(
            input: input, horizon: horizon, method: method, alpha: alpha, alphaD: alphaD, alphaP: alphaP, seasonLength: seasonLength,
            quantile: quantile, output: output)
    }

    func run() throws {
        let outcome = ForecastCommandLine.run(arguments)
        if !outcome.standardOutput.isEmpty { FileHandle.standardOutput.write(Data(outcome.standardOutput.utf8)) }
        if !outcome.standardError.isEmpty { FileHandle.standardError.write(Data(outcome.standardError.utf8)) }
        if outcome.exitCode != 0 { throw ExitCode(outcome.exitCode) }
    }
}
