import ArgumentParser

struct SeedCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seed",
        abstract: "Seed data into the database (migrating first).")

    @Flag(help: "Seed the deterministic demo network (only into a database without partners).")
    var demo = false

    @Option(help: "Grow the demo network to N partners in total for benchmarks (10000 gives about a million order lines).")
    var scale: Int?

    @OptionGroup var storage: StorageOptions

    func validate() throws {
        guard demo || scale != nil else { throw ValidationError("Say what to seed: --demo or --scale N.") }
        if let scale, !(1...1_000_000).contains(scale) { throw ValidationError("--scale must be between 1 and 1000000.") }
    }

    func run() async throws {
        if let scale {
            try await CommandRunner.seedScale(try storage.configuration(), partners: scale)
        } else {
            try await CommandRunner.seedDemo(try storage.configuration())
        }
    }
}
