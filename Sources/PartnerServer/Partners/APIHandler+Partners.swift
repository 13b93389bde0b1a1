import Foundation
import PartnerAPI
import PartnerCore

extension APIHandler {
    func createPartner(_ input: Operations.CreatePartner.Input) async throws -> Operations.CreatePartner.Output {
        let caller = try authenticate()
        try caller.authorize(.createPartner)
        guard case .json(let body) = input.body else { throw APIError.badRequest("Send a JSON body.") }
        let partner = try await services.partners.create(
            PartnerProfile(body), status: body.status.map(PartnerStatus.init) ?? .applicant, tierCode: body.tierCode)
        return .created(.init(body: .json(partner.api)))
    }

    func listPartners(_ input: Operations.ListPartners.Input) async throws -> Operations.ListPartners.Output {
        let caller = try authenticate()
        try caller.authorize(.readPartner)
        let query = input.query
        let filter = PartnerFilter(
            type: query._type.map(PartnerType.init), region: query.region, tierCode: query.tier,
            status: query.status.map(PartnerStatus.init), query: query.q)
        return .ok(.init(body: .json(try await partnerPage(filter, for: caller, limit: query.limit, cursor: query.cursor))))
    }

    func listDealers(_ input: Operations.ListDealers.Input) async throws -> Operations.ListDealers.Output {
        let caller = try authenticate()
        try caller.authorize(.readPartner)
        let query = input.query
        let filter = PartnerFilter(
            type: .dealer, region: query.region, tierCode: query.tier, status: query.status.map(PartnerStatus.init), query: query.q)
        return .ok(.init(body: .json(try await partnerPage(filter, for: caller, limit: query.limit, cursor: query.cursor))))
    }

    /// One page of the partners the caller may see, as both partner lists answer it.
    private func partnerPage(_ filter: PartnerFilter, for caller: Caller, limit: Int?, cursor: String?) async throws
        -> Components.Schemas.PartnerPage
    {
        let page = try await services.partners.list(filter, scope: caller.scope, page: PageRequest(limit: limit, cursor: cursor))
        return .init(items: page.items.map(\.api), nextCursor: page.nextCursor)
    }

    func getPartner(_ input: Operations.GetPartner.Input) async throws -> Operations.GetPartner.Output {
        let caller = try authenticate()
        let partner = try await authorizedPartner(input.path.id, for: caller, to: .readPartner)
        let members = try await services.users.members(of: partner.id)
        let compliance = try await services.compliance.summary(of: partner)
        return .ok(.init(body: .json(.init(partner: partner.api, compliance: .init(compliance), users: members.map(\.api)))))
    }

    func updatePartner(_ input: Operations.UpdatePartner.Input) async throws -> Operations.UpdatePartner.Output {
        let caller = try authenticate()
        let partner = try await visiblePartner(input.path.id, for: caller)
        guard case .json(let body) = input.body else { throw APIError.badRequest("Send a JSON body.") }
        let edit = PartnerEdit(body)
        try caller.authorize(.editPartner(fields: edit.providedFields), on: partner.subject)
        return .ok(.init(body: .json(try await services.partners.update(partner.id, with: edit).api)))
    }
}
