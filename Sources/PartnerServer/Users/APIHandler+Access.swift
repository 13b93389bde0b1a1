import Foundation
import PartnerAPI
import PartnerCore

extension APIHandler {
    func disableUser(_ input: Operations.DisableUser.Input) async throws -> Operations.DisableUser.Output {
        let caller = try authenticate()
        try caller.authorize(.manageUsers)
        let user = try await services.access.disable(try uuid(input.path.userId, name: "userId"))
        return .ok(.init(body: .json(user.api)))
    }

    func enableUser(_ input: Operations.EnableUser.Input) async throws -> Operations.EnableUser.Output {
        let caller = try authenticate()
        try caller.authorize(.manageUsers)
        let user = try await services.access.enable(try uuid(input.path.userId, name: "userId"))
        return .ok(.init(body: .json(user.api)))
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
        try await services.access.revokeServiceToken(try uuid(input.path.tokenId, name: "tokenId"))
        return .noContent(.init())
    }

    func changePassword(_ input: Operations.ChangePassword.Input) async throws -> Operations.ChangePassword.Output {
        let caller = try authenticate()
        guard case .json(let body) = input.body else { throw APIError.badRequest("Send a JSON body.") }
        try await services.signIn.changePassword(
            of: caller, current: body.currentPassword, new: body.newPassword,
            from: ClientAddress.of(try request, trustedProxies: configuration.trustedProxies))
        return .noContent(.init())
    }
}
