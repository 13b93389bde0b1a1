import Foundation
import PartnerAPI
import PartnerCore
import Vapor

extension APIHandler {
    func createStand(_ input: Operations.CreateStand.Input) async throws -> Operations.CreateStand.Output {
        let caller = try authenticate()
        try caller.authorize(.enrolStand)
        guard case .json(let body) = input.body else { throw APIError.badRequest("Send a JSON body.") }
        var validator = FieldValidator()
        var source: StandEnrolment.PartnerSource?
        switch (body.partnerId, body.partner) {
        case (let raw?, nil):
            if let id = UUID(uuidString: raw) { source = .existing(id) } else { validator.fail("partnerId", "must be a UUID") }
        case (nil, let partner?):
            source = newStandPartner(partner, into: &validator)
        default:
            validator.fail("partner", "send exactly one of partnerId or partner")
        }
        validator.check(!body.locations.isEmpty, "locations", "must contain at least one location")
        validator.check(body.locations.count <= 50, "locations", "must contain at most 50 locations")
        let locations = body.locations.enumerated().map { index, location in
            StandLocationDraft(
                name: location.name, venueType: location.venueType.rawValue, address: location.address, city: location.city,
                region: location.region, country: location.country, latitude: location.latitude, longitude: location.longitude,
                capacityFacings: location.capacityFacings
            ).validated(as: "locations[\(index)]", into: &validator)
        }
        let planogram = body.planogram?.map {
            Planogram.Line(sku: $0.sku.trimmingCharacters(in: .whitespaces).uppercased(), parLevel: $0.parLevel, minLevel: $0.minLevel)
        }
        try validator.finish()
        guard let source else { throw ValidationFailure(field: "partner", message: "is required") }
        let standID = try await services.stands.enrolment.enrol(
            source, package: StandPackage(body.packageLevel), locations: locations, planogram: planogram, by: caller.userID)
        let details = try await services.stands.repository.details(of: standID)
        return .created(.init(body: .json(details.api(showingCosts: caller.may(.readCosts)))))
    }

    func listStands(_ input: Operations.ListStands.Input) async throws -> Operations.ListStands.Output {
        let caller = try authenticate()
        try caller.authorize(.readStand)
        let query = input.query
        let filter = StandRepository.Filter(
            region: query.region, package: query.packageLevel.map(StandPackage.init), status: query.status.map(PartnerStatus.init),
            lowStockOnly: query.lowStock ?? false, query: query.q)
        let page = try await services.stands.repository.list(
            filter, scope: caller.scope, page: PageRequest(limit: query.limit, cursor: query.cursor))
        return .ok(.init(body: .json(.init(items: page.items.map(\.api), nextCursor: page.nextCursor))))
    }

    func getStandDetails(_ input: Operations.GetStandDetails.Input) async throws -> Operations.GetStandDetails.Output {
        let caller = try authenticate()
        let stand = try await authorizedStand(input.path.id, for: caller, to: .readStand)
        let details = try await services.stands.repository.details(of: stand.id)
        return .ok(.init(body: .json(details.api(showingCosts: caller.may(.readCosts)))))
    }

    /// The stand if the caller may see it and the policy allows `action` on it; the same 404 as for
    /// a missing one when it is not visible.
    func authorizedStand(_ rawID: String, for caller: Caller, to action: PolicyAction, field: String? = nil) async throws -> Stand {
        let id = try standID(rawID, field: field)
        guard let found = try await services.stands.repository.findWithSubject(id, scope: caller.scope) else {
            throw DomainError.notFound("No stand with this id.")
        }
        try caller.authorize(action, on: found.subject)
        return found.stand
    }

    /// The stand partner as the policy sees it.
    func standSubject(_ standID: UUID) async throws -> PolicySubject {
        guard let partner = try await services.partners.find(standID, scope: AccessScope(role: .admin)) else {
            throw DomainError.partnerNotFound
        }
        return partner.subject
    }

    /// The stand if the caller may see it; the same 404 as for a missing one otherwise.
    func visibleStand(_ rawID: String, for caller: Caller, field: String? = nil) async throws -> Stand {
        guard let stand = try await services.stands.repository.find(try standID(rawID, field: field), scope: caller.scope) else {
            throw DomainError.notFound("No stand with this id.")
        }
        return stand
    }

    /// A stand id from a path or body: 422 on `field` when it names one, else 400.
    private func standID(_ rawID: String, field: String?) throws -> UUID {
        guard let id = UUID(uuidString: rawID) else {
            if let field { throw ValidationFailure(field: field, message: "must be a UUID") }
            throw APIError.badRequest("The id '\(rawID)' is not a UUID.")
        }
        return id
    }

    private func newStandPartner(_ body: Components.Schemas.PartnerCreate, into validator: inout FieldValidator)
        -> StandEnrolment.PartnerSource?
    {
        validator.check(PartnerType(body._type) == .stand, "partner.type", "must be stand")
        let status = body.status.map(PartnerStatus.init) ?? .active
        validator.check(status == .applicant || status == .active, "partner.status", "a new partner starts as applicant or active")
        do {
            return .new(try PartnerProfile(body).validated(), status)
        } catch {
            for failure in error.errors { validator.fail("partner.\(failure.field)", failure.message) }
            return nil
        }
    }
}
