import Foundation
import PartnerAPI
import PartnerCore
import Vapor

extension APIHandler {
    func listPartnerUsers(_ input: Operations.ListPartnerUsers.Input) async throws -> Operations.ListPartnerUsers.Output {
        let caller = try authenticate()
        let partner = try await authorizedPartner(input.path.id, for: caller, to: .readMembers)
        let members = try await services.users.members(of: try partner.requireID())
        return .ok(.init(body: .json(.init(items: try members.map { try $0.api }))))
    }

    func addPartnerUser(_ input: Operations.AddPartnerUser.Input) async throws -> Operations.AddPartnerUser.Output {
        let caller = try authenticate()
        let partner = try await authorizedPartner(input.path.id, for: caller, to: .manageMembers)
        let partnerID = try partner.requireID()
        guard case .json(let body) = input.body else { throw APIError.badRequest("Send a JSON body.") }
        guard let userID = UUID(uuidString: body.userId) else {
            throw ValidationFailure(field: "userId", message: "must be a UUID")
        }
        guard let user = try await services.users.find(userID) else {
            throw ValidationFailure(field: "userId", message: "no user has this id")
        }
        guard user.role == .partner else {
            throw ValidationFailure(
                field: "userId", message: "only users with the partner role can be linked; admin and staff already see every partner")
        }
        let link = try await services.users.link(userID: userID, to: partnerID, role: MemberRole(body.role))
        link.$user.value = user
        return .created(.init(body: .json(try link.api)))
    }
}
