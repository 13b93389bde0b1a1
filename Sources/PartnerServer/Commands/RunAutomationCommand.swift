import ArgumentParser
import Foundation
import PartnerCore

/// `partneros run-automation NAME|--due [--now ISO8601]`: runs one scheduled automation now (or every
/// one that is due, as the scheduler would — `serve` runs its automations this way, in a child
/// process), under the same lease the scheduler takes, and prints what it did. SIGINT or SIGTERM
/// stops it after the current item, recording the run as interrupted. Exit codes: 0 done, 1 a run
/// failed, 2 bad arguments (the list of names), 75 another instance is running it.
struct RunAutomationCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run-automation",
        abstract: "Run one scheduled automation (or every due one) now and print the outcome.",
        discussion: "Names: \(AutomationName.list). --now runs as of that instant (the application's clock starts there).")

    @Argument(help: "The automation to run.")
    var name: String?

    @Flag(help: "Run every automation that is due instead of one by name.")
    var due = false

    @Option(help: "Run as of this ISO 8601 instant instead of the current time.")
    var now: String?

    @OptionGroup var storage: StorageOptions

    static let usageFailure: Int32 = 2
    static let leased: Int32 = 75

    func run() async throws {
        let arguments: AutomationArguments
        switch AutomationArguments.parse(name: name, due: due, now: now) {
        case .success(let value): arguments = value
        case .failure(let problems):
            Self.printError(problems.messages.joined(separator: "\n"))
            throw ExitCode(Self.usageFailure)
        }
        let configuration = try storage.configuration()
        let runs = try await TerminationSignal.cancelling { try await CommandRunner.runAutomations(configuration, arguments: arguments) }
        var exit: Int32 = 0
        for run in runs {
            switch run.result {
            case .succeeded(let summary):
                print("\(run.name.rawValue) succeeded: \(summary)")
            case .failed(let reason):
                Self.printError("\(run.name.rawValue) failed: \(reason)")
                exit = ExitCode.failure.rawValue
            case .skipped(let reason):
                Self.printError("\(run.name.rawValue) skipped: \(reason)")
                if exit == 0 { exit = Self.leased }
            }
        }
        if exit != 0 { throw ExitCode(exit) }
    }

    private static func printError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
