import ArgumentParser

/// `partneros` — the root command. Running it without a subcommand serves.
public struct PartnerOSCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "partneros",
        abstract: "Partner OS: the partner registry, commerce and Stand Program of the brand.",
        subcommands: [
            ServeCommand.self, MigrateCommand.self, SeedCommand.self, CreateAdminCommand.self, ForecastCommand.self, SimulateCommand.self,
            WorkerCommand.self,
            RunAutomationCommand.self,
            AdviseCommand.self,
        ],
        defaultSubcommand: ServeCommand.self)

    public init() {}
}
