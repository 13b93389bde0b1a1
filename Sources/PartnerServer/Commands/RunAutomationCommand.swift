import ArgumentParser
import Foundation
import PartnerCore

/// `partneros run-automation NAME [--now ISO8601]`: runs one scheduled automation now, under the
/// same lease the scheduler takes, and prints what it did. Exit codes: 0 done, 1 the run failed,
/// 2 bad arguments (the list of names), 75 another instance is running it.
struct RunAutomationCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run-automation",
        abstract: "Run one scheduled automation now and print its outcome.",
        discussion: "Names: \(AutomationName.list). --now runs it as of that instant (the application's clock starts there).")

    @Argument(help: "The automation to run.")
    var name: String

    @Option(help: "Run as of this ISO 8601 instant instead of the current time.")
    var now: String?

    @OptionGroup var storage: StorageOptions

    static let usageFailure: Int32 = 2
    static let leased: Int32 = 75

    func run() async throws {
        let arguments: AutomationArguments
        switch AutomationArguments.parse(name: name, now: now) {
        case .success(let value): arguments = value
        case .failure(let problems):
            FileHandle.standardError.write(Data((problems.messages.joined(separator: "\n") + "\n").utf8))
            throw ExitCode(Self.usageFailure)
        }
        let run = try await CommandRunner.runAutomation(try storage.configuration(), arguments: arguments)
        switch run.result {
        case .succeeded(let summary):
            print("\(run.name.rawValue) succeeded: \(summary)")
        case .failed(let reason):
            FileHandle.standardError.write(Data("\(run.name.rawValue) failed: \(reason)\n".utf8))
            throw ExitCode.failure
        case .skipped(let reason):
            FileHandle.standardError.write(Data("\(run.name.rawValue) skipped: \(reason)\n".utf8))
            throw ExitCode(Self.leased)
        }
    }
}
