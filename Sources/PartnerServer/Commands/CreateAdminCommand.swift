import ArgumentParser
import Foundation

struct CreateAdminCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create-admin",
        abstract: "Create an administrator (migrating first).")

    @Option(help: "The admin's email address.")
    var email: String

    @Option(help: "The password (at least 10 characters). Prompted for when omitted and a terminal is attached.")
    var password: String?

    @Option(help: "Display name.")
    var name = "Administrator"

    @OptionGroup var storage: StorageOptions

    func run() async throws {
        let secret = try password ?? Self.promptPassword()
        do {
            try await CommandRunner.createAdmin(try storage.configuration(), email: email, password: secret, name: name)
        } catch let failure as AdminBootstrap.Failure {
            throw ValidationError("Could not create the admin: \(failure).")
        }
    }

    private static func promptPassword() throws -> String {
        guard isatty(STDIN_FILENO) != 0 else {
            throw ValidationError("--password is required when no terminal is attached.")
        }
        guard let first = getpass("Password: ").map({ String(cString: $0) }), !first.isEmpty,
            let second = getpass("Repeat password: ").map({ String(cString: $0) })
        else { throw ValidationError("No password given.") }
        guard first == second else { throw ValidationError("The passwords do not match.") }
        return first
    }
}
