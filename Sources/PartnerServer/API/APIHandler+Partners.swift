import Foundation
import PartnerAPI
import PartnerCore
import Vapor

extension APIHandler {
    func createPartner(_ input: Operations.CreatePartner.Input) async throws -> Operations.CreatePartner.Output {
        let caller = try authenticate()
        try caller.authorize(.createPartner)
        guard case .json(let body) = input.body else { throw APIError.badRequest("Send a JSON body.") }
        let type = PartnerType(body._type)
        var errors: [FieldError] = []
        var profile: PartnerProfile?
        do { profile = try PartnerProfile(body).validated() } catch { errors += error.errors }
        let status = body.status.map(PartnerStatus.init) ?? .applicant
        if status != .applicant && status != .active {
            errors.append(FieldError(field: "status", message: "a new partner starts as applicant or active"))
        }
        var tier: PartnerTierRecord?
        do {
            tier = try await resolveTier(code: body.tierCode, for: type)
        } catch let failure as ValidationFailure {
            errors += failure.errors
        }
        guard errors.isEmpty, let profile else { throw ValidationFailure(errors) }
        let partner = try await services.partners.create(profile, status: status, tier: tier)
        return .created(.init(body: .json(try partner.api)))
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
            type: .dealer, region: query.region, tierCode: query.tier,
            status: query.status.map(PartnerStatus.init), query: query.q)
        return .ok(.init(body: .json(try await partnerPage(filter, for: caller, limit: query.limit, cursor: query.cursor))))
    }

    /// One page of the partners the caller may see, as both partner lists answer it.
    private func partnerPage(_ filter: PartnerFilter, for caller: Caller, limit: Int?, cursor: String?) async throws
        -> Components.Schemas.PartnerPage
    {
        let page = try await services.partners.list(filter, scope: caller.scope, page: PageRequest(limit: limit, cursor: cursor))
        return .init(items: try page.items.map { try $0.api }, nextCursor: page.nextCursor)
    }

    func getPartner(_ input: Operations.GetPartner.Input) async throws -> Operations.GetPartner.Output {
        let caller = try authenticate()
        let partner = try await authorizedPartner(input.path.id, for: caller, to: .readPartner)
        let members = try await services.users.members(of: try partner.requireID())
        let compliance = try await services.contracts.complianceSummary(of: partner)
        return .ok(
            .init(body: .json(.init(partner: try partner.api, compliance: .init(compliance), users: try members.map { try $0.api }))))
    }

    func updatePartner(_ input: Operations.UpdatePartner.Input) async throws -> Operations.UpdatePartner.Output {
        let caller = try authenticate()
        let partner = try await visiblePartner(input.path.id, for: caller)
        guard case .json(let body) = input.body else { throw APIError.badRequest("Send a JSON body.") }
        try caller.authorize(.editPartner(fields: body.providedFields), on: try partner.subject)
        let before = partner.profile
        var errors: [FieldError] = []
        var after = before
        do { after = try before.applying(body).validated() } catch { errors += error.errors }

        var tier = partner.tier
        let tierChanged: Bool
        do {
            if let code = body.tierCode {
                tier = try await resolveTier(code: code, for: after.type, defaultingToEntry: false)
                tierChanged = tier?.id != partner.$tier.id
            } else {
                if let current = tier, !current.definition.applies(to: after.type) {
                    throw ValidationFailure(
                        field: "tierCode",
                        message: "tier '\(current.code)' does not apply to \(after.type.rawValue) partners; choose another")
                }
                tierChanged = false
            }
        } catch let failure as ValidationFailure {
            errors += failure.errors
            tierChanged = false
        }
        guard errors.isEmpty else { throw ValidationFailure(errors) }

        let oldStatus = partner.status
        let newStatus = try body.status.map { try oldStatus.moving(to: PartnerStatus($0)) } ?? oldStatus
        var changed = after.changedFields(from: before)
        if tierChanged { changed.append("tierCode") }
        if newStatus != oldStatus { changed.append("status") }
        guard !changed.isEmpty else { return .ok(.init(body: .json(try partner.api))) }

        partner.apply(after)
        partner.status = newStatus
        partner.$tier.id = tier?.id
        try await services.partners.save(
            partner, changedFields: changed, statusChange: newStatus != oldStatus ? (oldStatus, newStatus) : nil, tier: tier)
        return .ok(.init(body: .json(try partner.api)))
    }

    /// The requested tier, checked against the partner type; without a code, the entry tier
    /// (lowest rank) for the type when `defaultingToEntry`, and an empty code clears the tier.
    private func resolveTier(code: String?, for type: PartnerType, defaultingToEntry: Bool = true) async throws -> PartnerTierRecord? {
        if let code, !code.isEmpty { return try await services.tiers.resolve(code: code, for: type) }
        guard code == nil, defaultingToEntry else { return nil }
        return try await services.tiers.all().first { $0.definition.applies(to: type) }
    }
}
