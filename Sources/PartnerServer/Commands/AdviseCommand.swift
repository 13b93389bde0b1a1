import ArgumentParser
import Foundation
import PartnerAdvisor

/// `partneros advise`: scores every active partner with the AI Partner Advisor, as
/// `POST /partners/ai/insights` does one partner (insights stored, events and alerts raised), and
/// reports how long it took — the refresh a scheduler runs, and the benchmark of EVALUATION.md §10
/// (`scripts/bench-advisor.sh`).
struct AdviseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "advise",
        abstract: "Score every active partner with the AI Partner Advisor (stores the insights) and report the time taken.")

    @Option(help: "Comma-separated kinds: health, expansion_readiness, compliance. Default: all three.")
    var kinds: String?

    @OptionGroup var storage: StorageOptions

    func run() async throws {
        var parsed: [PartnerInsightKind] = []
        for text in (kinds ?? "").split(separator: ",") {
            guard let kind = PartnerInsightKind(rawValue: text.trimmingCharacters(in: .whitespaces)) else {
                throw ValidationError("Unknown kind '\(text)': use health, expansion_readiness or compliance.")
            }
            parsed.append(kind)
        }
        let report = try await CommandRunner.advise(try storage.configuration(), kinds: parsed)
        let seconds = report.seconds
        print(
            String(
                format: "Scored %d active partners (%d insights) in %.3f s (%.1f ms a partner).", report.partners, report.insights, seconds,
                report.partners > 0 ? seconds * 1_000 / Double(report.partners) : 0))
    }
}
