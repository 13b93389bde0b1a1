import Foundation
import PartnerAPI
import PartnerCore
import Vapor

extension APIHandler {
    func login(_ input: Operations.Login.Input) async throws -> Operations.Login.Output {
        guard case .json(let body) = input.body else { throw APIError.badRequest("Send a JSON body.") }
        var validator = FieldValidator()
        let email = validator.requiredText(body.email, "email", maxLength: 254)?.lowercased() ?? ""
        validator.check(!body.password.isEmpty, "password", "must not be empty")
        try validator.finish()

        let request = try request
        let address = ClientAddress.of(request, trustedProxies: configuration.trustedProxies)
        // The attempt counts from here, before bcrypt runs, so parallel guesses cannot all pass.
        let ticket: LoginLimiter.Ticket
        switch await loginThrottle.admit(account: email, address: address) {
        case .refused(let wait):
            throw DomainError.tooManyAttempts(retryAfterSeconds: wait)
        case .admitted(let admitted, let delay):
            ticket = admitted
            if delay > 0 { try await Task.sleep(for: .milliseconds(Int(delay * 1000))) }
        }
        let user = try await services.users.find(email: email)
        let verified = await verify(body.password, against: user?.passwordHash ?? decoyPasswordHash, on: request)
        guard let user, verified, user.disabledAt == nil else {
            request.logger.notice("login failed", metadata: ["email": .string(email), "address": .string(address)])
            throw DomainError.unauthenticated("Email or password is incorrect.")
        }
        await loginThrottle.succeeded(ticket)
        let issued = try await services.users.issueToken(for: try user.requireID(), lifetime: configuration.tokenLifetime)
        return .ok(.init(body: .json(.init(token: issued.token, expiresAt: issued.expiresAt, user: try user.api))))
    }

    func logout(_ input: Operations.Logout.Input) async throws -> Operations.Logout.Output {
        let caller = try authenticate()
        try await services.users.revokeToken(caller.tokenID)
        return .noContent(.init())
    }

    func getCurrentUser(_ input: Operations.GetCurrentUser.Input) async throws -> Operations.GetCurrentUser.Output {
        let caller = try authenticate()
        guard let user = try await services.users.find(caller.userID) else {
            throw DomainError.unauthenticated("The token's user no longer exists.")
        }
        let memberships = try await services.users.memberships(of: caller.userID).map { link in
            Components.Schemas.Membership(
                partnerId: link.$partner.id.apiString, companyName: link.partner.companyName, role: .init(link.role))
        }
        return .ok(.init(body: .json(.init(user: try user.api, memberships: memberships.sorted { $0.companyName < $1.companyName }))))
    }

    private func verify(_ password: String, against hash: String, on request: Request) async -> Bool {
        // Over-long passwords make bcrypt throw; they are simply wrong.
        (try? await request.password.async.verify(password, created: hash)) ?? false
    }
}
