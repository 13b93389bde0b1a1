import ArgumentParser
import Foundation

struct WorkerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worker",
        abstract: "Deliver events and run the automations, without an HTTP listener (PostgreSQL; several may run at once).")

    @OptionGroup var storage: StorageOptions

    @Flag(name: .customLong("no-migrate"), help: "Do not run pending migrations first.")
    var noMigrate = false

    func run() async throws {
        try await CommandRunner.worker(try storage.configuration(), migrate: !noMigrate)
    }
}
