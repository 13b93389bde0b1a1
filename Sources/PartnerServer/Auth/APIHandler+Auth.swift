import Foundation
import PartnerAPI
import PartnerCore

extension APIHandler {
    func login(_ input: Operations.Login.Input) async throws -> Operations.Login.Output {
        guard case .json(let body) = input.body else { throw APIError.badRequest("Send a JSON body.") }
        let request = try request
        let session = try await services.signIn.signIn(
            email: body.email, password: body.password, from: ClientAddress.of(request, trustedProxies: configuration.trustedProxies),
            logger: request.logger)
        return .ok(.init(body: .json(.init(token: session.token, expiresAt: session.expiresAt, user: session.user.api))))
    }

    func logout(_ input: Operations.Logout.Input) async throws -> Operations.Logout.Output {
        let caller = try authenticate()
        try await services.users.revokeToken(caller.tokenID)
        return .noContent(.init())
    }

    func getCurrentUser(_ input: Operations.GetCurrentUser.Input) async throws -> Operations.GetCurrentUser.Output {
        let caller = try authenticate()
        guard let (user, memberships) = try await services.users.account(of: caller.userID) else {
            throw DomainError.unauthenticated("The token's user no longer exists.")
        }
        let members = memberships.map {
            Components.Schemas.Membership(partnerId: $0.partnerID.apiString, companyName: $0.companyName, role: .init($0.role))
        }
        return .ok(.init(body: .json(.init(user: user.api, memberships: members))))
    }
}
