import Fluent
import Foundation
import Logging
import PartnerCore

/// Signs people in and changes their passwords, for every entrance (the API's login today, the
/// portal's sign-in form next). Attempts are throttled before bcrypt runs, so parallel guesses
/// cannot all be evaluated.
struct SignInService {
    let users: UserService
    let access: AccessService
    let throttle: LoginThrottle
    /// bcrypt off the event loop.
    let passwords: PasswordHashing
    /// A real bcrypt hash verified against when the email is unknown, so a login takes as long for a
    /// missing account as for a wrong password and does not reveal which accounts exist.
    let decoyHash: String
    let tokenLifetime: TimeInterval
    let clock: AppClock

    struct Session: Sendable {
        let token: String
        let expiresAt: Date
        let user: UserAccount
    }

    /// Checks the password of `email` from `address` and issues a token.
    func signIn(email rawEmail: String, password: String, from address: String, logger: Logger) async throws -> Session {
        var validator = FieldValidator()
        let email = validator.requiredText(rawEmail, "email", maxLength: 254)?.lowercased() ?? ""
        validator.check(!password.isEmpty, "password", "must not be empty")
        try validator.finish()

        let ticket = try await admit(account: email, from: address, delaying: true)
        let user = try await UserRecord.query(on: users.database).filter(\.$email == email).first()
        let verified = await verify(password, against: user?.passwordHash ?? decoyHash)
        guard let user, verified, user.disabledAt == nil else {
            logger.notice("login failed", metadata: ["email": .string(email), "address": .string(address)])
            throw DomainError.unauthenticated("Email or password is incorrect.")
        }
        await throttle.succeeded(ticket)
        let issued = try await users.issueToken(for: try user.requireID(), lifetime: tokenLifetime)
        return Session(token: issued.token, expiresAt: issued.expiresAt, user: try user.value)
    }

    /// Replaces the caller's password after checking the current one (throttled like a login), and
    /// ends every other session of the user.
    func changePassword(of caller: Caller, current: String, new: String, from address: String) async throws {
        guard caller.role != .service else { throw DomainError.forbidden("Integration tokens have no password.") }
        var validator = FieldValidator()
        validator.check(!current.isEmpty, "currentPassword", "must not be empty")
        PasswordPolicy.validate(new, field: "newPassword", into: &validator)
        validator.check(new != current, "newPassword", "must differ from the current password")
        try validator.finish()
        guard let user = try await UserRecord.find(caller.userID, on: users.database) else {
            throw DomainError.unauthenticated("The token's user no longer exists.")
        }
        let ticket = try await admit(account: user.email, from: address, delaying: false)
        guard await verify(current, against: user.passwordHash) else {
            throw ValidationFailure(field: "currentPassword", message: "is not the current password")
        }
        await throttle.succeeded(ticket)
        let hash = try await passwords.hash(new)
        try await access.setPassword(of: caller.userID, hash: hash, keeping: caller.tokenID)
    }

    /// A bcrypt hash of a new password, off the event loop.
    func hash(_ password: String) async throws -> String {
        try await passwords.hash(password)
    }

    /// The attempt counts from here, before bcrypt runs.
    private func admit(account: String, from address: String, delaying: Bool) async throws -> LoginLimiter.Ticket {
        switch await throttle.admit(account: account, address: address, now: clock.now) {
        case .refused(let wait):
            throw DomainError.tooManyAttempts(retryAfterSeconds: wait)
        case .admitted(let ticket, let delay):
            if delaying, delay > 0 { try await Task.sleep(for: .milliseconds(Int(delay * 1000))) }
            return ticket
        }
    }

    private func verify(_ password: String, against hash: String) async -> Bool {
        // Over-long passwords make bcrypt throw; they are simply wrong.
        (try? await passwords.verify(password, hash)) ?? false
    }
}
