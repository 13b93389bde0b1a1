import ArgumentParser
import Foundation

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Migrate the database, then serve the API.")

    @Option(help: "Address to listen on.")
    var hostname = "127.0.0.1"

    @Option(help: "Port to listen on.")
    var port = 8080

    @OptionGroup var storage: StorageOptions

    @Flag(help: "Seed the demo network when the database has no partners.")
    var demo = false

    @Flag(name: .customLong("no-migrate"), help: "Do not run pending migrations first.")
    var noMigrate = false

    func validate() throws {
        guard (1...65535).contains(port) else { throw ValidationError("--port must be between 1 and 65535.") }
    }

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        try await CommandRunner.serve(
            try storage.configuration(environment: environment), hostname: hostname, port: port, demo: demo,
            migrate: !noMigrate, environment: environment)
    }
}
