import ArgumentParser

struct SeedCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seed",
        abstract: "Seed data into the database (migrating first).")

    @Flag(help: "Seed the deterministic demo network (only into a database without partners).")
    var demo = false

    @OptionGroup var storage: StorageOptions

    func validate() throws {
        guard demo else { throw ValidationError("Say what to seed: --demo.") }
    }

    func run() async throws {
        try await CommandRunner.seedDemo(try storage.configuration())
    }
}
