import Foundation
import PartnerAPI
import PartnerCore
import Vapor

extension APIHandler {
    func removePartnerUser(_ input: Operations.RemovePartnerUser.Input) async throws -> Operations.RemovePartnerUser.Output {
        let caller = try authenticate()
        let partnerID = try await authorizedPartner(input.path.id, for: caller, to: .manageMembers).requireID()
        try await services.access.removeMember(try uuid(input.path.userId, name: "userId"), from: partnerID)
        return .noContent(.init())
    }

    func disableUser(_ input: Operations.DisableUser.Input) async throws -> Operations.DisableUser.Output {
        let caller = try authenticate()
        try caller.authorize(.manageUsers)
        let user = try await services.access.disable(try uuid(input.path.userId, name: "userId"), now: now)
        return .ok(.init(body: .json(try user.api)))
    }

    func enableUser(_ input: Operations.EnableUser.Input) async throws -> Operations.EnableUser.Output {
        let caller = try authenticate()
        try caller.authorize(.manageUsers)
        let user = try await services.access.enable(try uuid(input.path.userId, name: "userId"))
        return .ok(.init(body: .json(try user.api)))
    }

    func listServiceTokens(_ input: Operations.ListServiceTokens.Input) async throws -> Operations.ListServiceTokens.Output {
        let caller = try authenticate()
        try caller.authorize(.manageServiceTokens)
        let page = try await services.access.serviceTokens(page: PageRequest(limit: input.query.limit, cursor: input.query.cursor))
        let items = page.items.map { token in
            Components.Schemas.ServiceTokenSummary(
                id: token.id.apiString, name: token.name,
                scopes: token.scopes.sorted { $0.rawValue < $1.rawValue }.map(Components.Schemas.ServiceScope.init),
                expiresAt: token.expiresAt, revoked: token.revoked, createdAt: token.createdAt)
        }
        return .ok(.init(body: .json(.init(items: items, nextCursor: page.nextCursor))))
    }

    func revokeServiceToken(_ input: Operations.RevokeServiceToken.Input) async throws -> Operations.RevokeServiceToken.Output {
        let caller = try authenticate()
        try caller.authorize(.manageServiceTokens)
        try await services.access.revokeServiceToken(try uuid(input.path.tokenId, name: "tokenId"), now: now)
        return .noContent(.init())
    }

    func changePassword(_ input: Operations.ChangePassword.Input) async throws -> Operations.ChangePassword.Output {
        let caller = try authenticate()
        guard caller.role != .service else { throw DomainError.forbidden("Integration tokens have no password.") }
        guard case .json(let body) = input.body else { throw APIError.badRequest("Send a JSON body.") }
        var validator = FieldValidator()
        validator.check(!body.currentPassword.isEmpty, "currentPassword", "must not be empty")
        PasswordPolicy.validate(body.newPassword, field: "newPassword", into: &validator)
        validator.check(body.newPassword != body.currentPassword, "newPassword", "must differ from the current password")
        try validator.finish()
        guard let user = try await services.users.find(caller.userID) else {
            throw DomainError.unauthenticated("The token's user no longer exists.")
        }
        let request = try request
        // Guessing the current password through this endpoint is throttled like a login.
        let address = ClientAddress.of(request, trustedProxies: configuration.trustedProxies)
        let ticket: LoginLimiter.Ticket
        switch await loginThrottle.admit(account: user.email, address: address) {
        case .refused(let wait): throw DomainError.tooManyAttempts(retryAfterSeconds: wait)
        case .admitted(let admitted, _): ticket = admitted
        }
        guard (try? await request.password.async.verify(body.currentPassword, created: user.passwordHash)) == true else {
            throw ValidationFailure(field: "currentPassword", message: "is not the current password")
        }
        await loginThrottle.succeeded(ticket)
        let hash = try await request.password.async.hash(body.newPassword)
        try await services.access.setPassword(of: caller.userID, hash: hash, keeping: caller.tokenID, now: now)
        return .noContent(.init())
    }
}
