import Foundation
import PartnerAPI
import PartnerCore

extension APIHandler {
    func listPartnerUsers(_ input: Operations.ListPartnerUsers.Input) async throws -> Operations.ListPartnerUsers.Output {
        let caller = try authenticate()
        let partner = try await authorizedPartner(input.path.id, for: caller, to: .readMembers)
        return .ok(.init(body: .json(.init(items: try await services.users.members(of: partner.id).map(\.api)))))
    }

    func addPartnerUser(_ input: Operations.AddPartnerUser.Input) async throws -> Operations.AddPartnerUser.Output {
        let caller = try authenticate()
        let partner = try await authorizedPartner(input.path.id, for: caller, to: .manageMembers)
        guard case .json(let body) = input.body else { throw APIError.badRequest("Send a JSON body.") }
        guard let userID = UUID(uuidString: body.userId) else { throw ValidationFailure(field: "userId", message: "must be a UUID") }
        let member = try await services.users.link(userID: userID, to: partner.id, role: MemberRole(body.role))
        return .created(.init(body: .json(member.api)))
    }

    func removePartnerUser(_ input: Operations.RemovePartnerUser.Input) async throws -> Operations.RemovePartnerUser.Output {
        let caller = try authenticate()
        let partner = try await authorizedPartner(input.path.id, for: caller, to: .manageMembers)
        try await services.access.removeMember(try uuid(input.path.userId, name: "userId"), from: partner.id)
        return .noContent(.init())
    }
}
