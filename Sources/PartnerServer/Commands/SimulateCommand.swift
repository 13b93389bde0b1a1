import ArgumentParser
import Foundation

/// `partneros simulate`: replays the stands' recorded sales day by day under a refill policy and
/// reports fill rate, stock-out days, average stock and refills (see `RefillReplay`).
struct SimulateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Replay the stands' sales history under a refill policy (ai or minmax) and report fill rate, stock-outs and stock.",
        discussion: """
            Seed a database first (partneros seed --demo --database sqlite:/tmp/demo.sqlite). The replay covers the
            last --days days of recorded sales; every location keeps its measured lead time, pack sizes and par levels.
            Writes a JSON report to --output, or to stdout.
            """)

    @Option(help: "ai (the coach's reorder points for --service-level) or minmax (refill to par at the minimum).")
    var policy: String

    @Option(help: "Days to replay, 7…730.")
    var days = "182"

    @Option(name: .customLong("service-level"), help: "The AI policy's target fill rate, in (0.5, 0.999).")
    var serviceLevel = "0.95"

    @Option(help: "Write the JSON report to this file instead of stdout.")
    var output: String?

    @OptionGroup var storage: StorageOptions

    func run() async throws {
        let parsed: SimulationArguments
        switch SimulationArguments.parse(policy: policy, days: days, serviceLevel: serviceLevel) {
        case .success(let value): parsed = value
        case .failure(let problems):
            FileHandle.standardError.write(Data((problems.messages.joined(separator: "\n") + "\n").utf8))
            throw ExitCode(ForecastCommandLine.usageFailure)
        }
        let report = try await CommandRunner.simulate(try storage.configuration(), arguments: parsed)
        if let output {
            try report.write(to: URL(fileURLWithPath: output), options: .atomic)
        } else {
            FileHandle.standardOutput.write(report)
            FileHandle.standardOutput.write(Data("\n".utf8))
        }
    }
}
