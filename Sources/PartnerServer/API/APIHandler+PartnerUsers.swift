import Foundation
import PartnerAPI
import PartnerCore
import Vapor

extension APIHandler {
    func listPartnerUsers(_ input: Operations.ListPartnerUsers.Input) async throws -> Operations.ListPartnerUsers.Output {
        let caller = try await authenticate()
        let partner = try await visiblePartner(input.path.id, for: caller)
        let members = try await users.members(of: try partner.requireID())
        return .ok(.init(body: .json(.init(items: try members.map { try $0.api }))))
    }

    func addPartnerUser(_ input: Operations.AddPartnerUser.Input) async throws -> Operations.AddPartnerUser.Output {
        let caller = try await authenticate()
        let partner = try await visiblePartner(input.path.id, for: caller)
        let partnerID = try partner.requireID()
        guard caller.scope.canManageMembers(of: partnerID) else {
            throw APIError.forbidden("Only HQ or an owner of this partner may link users to it.")
        }
        guard case .json(let body) = input.body else { throw APIError.badRequest("Send a JSON body.") }
        guard let userID = UUID(uuidString: body.userId) else {
            throw ValidationFailure(field: "userId", message: "must be a UUID")
        }
        guard let user = try await users.find(userID) else {
            throw ValidationFailure(field: "userId", message: "no user has this id")
        }
        guard user.role == .partner else {
            throw ValidationFailure(
                field: "userId", message: "only users with the partner role can be linked; admin and staff already see every partner")
        }
        let link = try await users.link(userID: userID, to: partnerID, role: MemberRole(body.role))
        link.$user.value = user
        return .created(.init(body: .json(try link.api)))
    }
}
