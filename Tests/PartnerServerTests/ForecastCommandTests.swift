import Foundation
import PartnerAdvisor
import Testing

@testable import PartnerServer

/// `partneros forecast` run in-process: the command parsed from its words as the executable parses
/// them, then its logic, which reads and writes real files.
@Suite("partneros forecast")
final class ForecastCommandTests {
    /// A directory of the test's own (each test gets a fresh suite instance), removed after it.
    private let directory: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("forecast-cli-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()

    deinit { try? FileManager.default.removeItem(at: directory) }

    private func file(_ name: String, _ text: String) throws -> String {
        let url = directory.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    private func run(_ words: [String]) throws -> ForecastCommandLine.Outcome {
        let parsed = try PartnerOSCommand.parseAsRoot(["forecast"] + words)
        let command = try #require(parsed as? ForecastCommand)
        return ForecastCommandLine.run(command.arguments, readStandardInput: { Data() })
    }

    private static let good = "series_id,t,y\nA,2026-01-01,1\nA,2026-01-02,0\nA,2026-01-03,2\nB,2026-01-02,3\nB,2026-01-03,0\n"

    @Test func writesTheForecastToStandardOutput() throws {
        let input = try file("in.csv", Self.good)
        let outcome = try run(["--input", input, "--horizon", "2", "--method", "naive"])
        #expect(outcome.exitCode == 0, "\(outcome.standardError)")
        #expect(outcome.standardOutput == "series_id,h,forecast,method\nA,1,2.0,naive\nA,2,2.0,naive\nB,1,0.0,naive\nB,2,0.0,naive\n")
        #expect(outcome.standardError.isEmpty)
    }

    @Test func writesTheOutputFileWithTheQuantileColumnAndMatchesTheLibrary() throws {
        let input = try file("in.csv", Self.good)
        let output = directory.appendingPathComponent("out.csv").path
        let outcome = try run([
            "--input", input, "--horizon", "3", "--method", "tsb", "--alpha-d", "0.2", "--alpha-p", "0.05", "--quantile", "0.9",
            "--output", output,
        ])
        #expect(outcome.exitCode == 0, "\(outcome.standardError)")
        #expect(outcome.standardOutput.isEmpty)
        let written = try String(contentsOfFile: output, encoding: .utf8)
        let expected = try ForecastBatch.run(
            csv: Self.good, options: ForecastTableOptions(method: .method(.tsb), horizon: 3, alphaD: 0.2, alphaP: 0.05, quantile: 0.9))
        #expect(written == expected)
        #expect(written.hasPrefix("series_id,h,forecast,method,cumulative_q\n"))
    }

    @Test func defaultsAreAutoAlphaPointOneAndAWeeklySeasonForDates() throws {
        let command = try #require(
            try PartnerOSCommand.parseAsRoot(["forecast", "--input", "x.csv", "--horizon", "7"]) as? ForecastCommand)
        let options = try ForecastCommandLine.parse(command.arguments).get()
        #expect(options == ForecastTableOptions(method: .auto, horizon: 7, alpha: 0.1, alphaD: 0.1, alphaP: 0.1, seasonLength: nil))
    }

    @Test func badLinesExitWithCode2NamingEachLineAndWriteNothing() throws {
        let input = try file("bad.csv", "series_id,t,y\nA,1,2\nA,x,1\nB,2,-3\nB,3,many\n")
        let output = directory.appendingPathComponent("never.csv").path
        let outcome = try run(["--input", input, "--horizon", "3", "--output", output])
        #expect(outcome.exitCode == 2)
        #expect(outcome.standardOutput.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: output))
        for expected in ["line 3: t is not an integer", "line 4: y is negative", "line 5: y is not a number"] {
            #expect(outcome.standardError.contains(expected), "\(outcome.standardError)")
        }
    }

    @Test func aFailedRunLeavesAnExistingOutputFileAlone() throws {
        let input = try file("bad.csv", "series_id,t,y\nA,1,2\nA,2,1\nA,1,4\n")
        let output = try file("previous.csv", "kept\n")
        let outcome = try run(["--input", input, "--horizon", "3", "--output", output])
        #expect(outcome.exitCode == 2)
        #expect(outcome.standardError.contains("line 4: duplicate series_id \"A\" and t 1 (first on line 2)"), "\(outcome.standardError)")
        #expect(try String(contentsOfFile: output, encoding: .utf8) == "kept\n")
    }

    @Test(arguments: [
        (["--horizon", "0"], "--horizon must be a whole number"),
        (["--horizon=-3"], "--horizon must be a whole number"),
        (["--horizon", "soon"], "--horizon must be a whole number"),
        (["--horizon", "3", "--quantile", "1"], "--quantile must be a number in (0, 1)"),
        (["--horizon", "3", "--quantile", "0"], "--quantile must be a number in (0, 1)"),
        (["--horizon", "3", "--method", "prophet"], "--method \"prophet\" is unknown"),
        (["--horizon", "3", "--alpha", "1.5"], "--alpha must be a number in (0, 1]"),
        (["--horizon", "3", "--season-length", "0"], "--season-length must be a whole number"),
    ])
    func badFlagsExitWithCode2(flags: [String], message: String) throws {
        let input = try file("in.csv", Self.good)
        let outcome = try run(["--input", input] + flags)
        #expect(outcome.exitCode == 2)
        #expect(outcome.standardOutput.isEmpty)
        #expect(outcome.standardError.contains(message), "\(outcome.standardError)")
    }

    @Test func aMissingInputFileExitsWithCode2() throws {
        let outcome = try run(["--input", directory.appendingPathComponent("absent.csv").path, "--horizon", "3"])
        #expect(outcome.exitCode == 2)
        #expect(outcome.standardError.contains("cannot read --input"), "\(outcome.standardError)")
        #expect(outcome.standardError.contains("absent.csv"))
    }
}
