import Fluent
import Foundation
import PartnerCore
import Vapor

/// Creates administrators: from the environment on first start, or on an operator's request.
enum AdminBootstrap {
    enum Failure: Error, CustomStringConvertible {
        case invalid([FieldError])
        case exists(String)

        var description: String {
            switch self {
            case .invalid(let errors): errors.map { "\($0.field) \($0.message)" }.joined(separator: "; ")
            case .exists(let email): "a user with email \(email) already exists"
            }
        }
    }

    /// Creates an admin after validating email and password like the API does.
    @discardableResult
    static func createAdmin(email: String, password: String, name: String = "Administrator", on app: Application) async throws
        -> UserAccount
    {
        var validator = FieldValidator()
        let address = EmailAddress(email)
        validator.check(address != nil, "email", "must be a valid email address")
        PasswordPolicy.validate(password, into: &validator)
        guard validator.errors.isEmpty, let address else { throw Failure.invalid(validator.errors) }
        let hash = try await app.partnerOS.signIn.hash(password)
        do {
            return try await app.partnerOS.users.create(email: address.value, name: name, passwordHash: hash, role: .admin)
        } catch DomainError.conflict {
            throw Failure.exists(address.value)
        }
    }

    /// With `PARTNEROS_ADMIN_EMAIL` and `PARTNEROS_ADMIN_PASSWORD` set and no user yet, creates that admin.
    /// Returns whether it did.
    static func createFromEnvironment(_ environment: [String: String], on app: Application) async throws -> Bool {
        guard let email = environment["PARTNEROS_ADMIN_EMAIL"], let password = environment["PARTNEROS_ADMIN_PASSWORD"],
            try await UserRecord.query(on: app.db).count() == 0
        else { return false }
        try await createAdmin(email: email, password: password, on: app)
        app.logger.notice("created the first admin from the environment", metadata: ["email": .string(email.lowercased())])
        return true
    }
}
