import ArgumentParser

struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Run pending database migrations.")

    @OptionGroup var storage: StorageOptions

    func run() async throws {
        try await CommandRunner.migrate(try storage.configuration())
    }
}
