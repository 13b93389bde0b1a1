import Foundation
import PartnerAdvisor

/// What `partneros forecast` does, as a function from its arguments to an exit code and the text
/// of stdout and stderr, so tests run it in-process. Reads the input file and writes the output
/// file; nothing else (no database, no Vapor).
enum ForecastCommandLine {
    /// The exit code of every refused flag or input.
    static let usageFailure: Int32 = 2

    struct Arguments: Sendable, Hashable {
        var input: String
        var horizon: String
        var method = "auto"
        var alpha = "0.1"
        var alphaD = "0.1"
        var alphaP = "0.1"
        var seasonLength: String?
        var quantile: String?
        var output: String?
    }

    struct Outcome: Sendable, Hashable {
        var exitCode: Int32
        var standardOutput = ""
        var standardError = ""
    }

    static func run(_ arguments: Arguments, readStandardInput: () -> Data = { FileHandle.standardInput.readDataToEndOfFile() })
        -> Outcome
    {
        let options: ForecastTableOptions
        switch parse(arguments) {
        case .success(let parsed): options = parsed
        case .failure(let problems): return failure(problems.messages)
        }
        let text: String
        if arguments.input == "-" {
            text = String(decoding: readStandardInput(), as: UTF8.self)
        } else {
            do {
                text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: arguments.input)), as: UTF8.self)
            } catch {
                return failure(["cannot read --input \(arguments.input): \(reason(error))"])
            }
        }
        let csv: String
        do {
            csv = try ForecastBatch.run(csv: text, options: options)
        } catch {
            return failure(
                ["\(arguments.input): the input has problems:"] + error.problems.map { "  \($0)" }
                    + (error.truncated ? ["  (more problems not listed)"] : []))
        }
        guard let output = arguments.output else { return Outcome(exitCode: 0, standardOutput: csv) }
        do {
            // Atomic: written beside the target and renamed, so a failure leaves no partial file.
            try Data(csv.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
        } catch {
            return failure(["cannot write --output \(output): \(reason(error))"])
        }
        return Outcome(exitCode: 0)
    }

    struct Problems: Error {
        var messages: [String]
    }

    /// Every flag checked, all problems reported together.
    static func parse(_ arguments: Arguments) -> Result<ForecastTableOptions, Problems> {
        var problems: [String] = []
        func number(_ text: String, _ flag: String, _ check: (Double) -> Bool, _ range: String) -> Double {
            guard let value = Double(text.trimmingCharacters(in: .whitespaces)), check(value) else {
                problems.append("\(flag) must be a number in \(range), got \"\(text)\"")
                return .nan
            }
            return value
        }
        var options = ForecastTableOptions()
        if let horizon = Int(arguments.horizon.trimmingCharacters(in: .whitespaces)),
            (1...ForecastTableOptions.maximumHorizon).contains(horizon)
        {
            options.horizon = horizon
        } else {
            problems.append(
                "--horizon must be a whole number of periods, 1…\(ForecastTableOptions.maximumHorizon), got \"\(arguments.horizon)\"")
        }
        if let method = ForecastMethodChoice(cliName: arguments.method.trimmingCharacters(in: .whitespaces).lowercased()) {
            options.method = method
        } else {
            problems.append(
                "--method \"\(arguments.method)\" is unknown; use one of \(ForecastMethodChoice.cliNames.joined(separator: ", "))")
        }
        let unitInterval: (Double) -> Bool = { $0 > 0 && $0 <= 1 }
        options.alpha = number(arguments.alpha, "--alpha", unitInterval, "(0, 1]")
        options.alphaD = number(arguments.alphaD, "--alpha-d", unitInterval, "(0, 1]")
        options.alphaP = number(arguments.alphaP, "--alpha-p", unitInterval, "(0, 1]")
        if let text = arguments.seasonLength {
            if let season = Int(text.trimmingCharacters(in: .whitespaces)), (1...1_000).contains(season) {
                options.seasonLength = season
            } else {
                problems.append("--season-length must be a whole number 1…1000, got \"\(text)\"")
            }
        }
        if let text = arguments.quantile {
            options.quantile = number(text, "--quantile", { $0 > 0 && $0 < 1 }, "(0, 1), e.g. 0.9")
        }
        if arguments.input.isEmpty { problems.append("--input must name a file (or - for stdin)") }
        if let output = arguments.output, output.isEmpty || output == arguments.input {
            problems.append("--output must name a file other than --input")
        }
        return problems.isEmpty ? .success(options) : .failure(Problems(messages: problems))
    }

    private static func failure(_ lines: [String]) -> Outcome {
        Outcome(
            exitCode: usageFailure, standardError: (["partneros forecast: nothing was written."] + lines).joined(separator: "\n") + "\n")
    }

    private static func reason(_ error: any Error) -> String {
        let nsError = error as NSError
        if nsError.domain == NSCocoaErrorDomain, nsError.code == NSFileReadNoSuchFileError || nsError.code == 260 {
            return "no such file"
        }
        return nsError.localizedDescription
    }
}
