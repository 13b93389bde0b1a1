import Foundation
import PartnerAPI
import PartnerCore
import Vapor

extension APIHandler {
    func createStand(_ input: Operations.CreateStand.Input) async throws -> Operations.CreateStand.Output {
        let caller = try await authenticate()
        try caller.require(.admin, .staff)
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
        let standID = try await stands.enrolment.enrol(
            source, package: StandPackage(body.packageLevel), locations: locations, planogram: planogram, by: caller.userID)
        guard let stand = try await stands.repository.find(standID, scope: caller.scope) else {
            throw APIError.notFound("No stand with this id.")
        }
        return .created(.init(body: .json(try await standDetails(stand))))
    }

    func listStands(_ input: Operations.ListStands.Input) async throws -> Operations.ListStands.Output {
        let caller = try await authenticate()
        let query = input.query
        let filter = StandRepository.Filter(
            region: query.region, package: query.packageLevel.map(StandPackage.init), status: query.status.map(PartnerStatus.init),
            lowStockOnly: query.lowStock ?? false, query: query.q)
        let page = try await stands.repository.list(
            filter, scope: caller.scope, page: PageRequest(limit: query.limit, cursor: query.cursor))
        return .ok(.init(body: .json(.init(items: try page.items.map { try $0.api }, nextCursor: page.nextCursor))))
    }

    func getStandDetails(_ input: Operations.GetStandDetails.Input) async throws -> Operations.GetStandDetails.Output {
        let caller = try await authenticate()
        let stand = try await visibleStand(input.path.id, for: caller)
        return .ok(.init(body: .json(try await standDetails(stand))))
    }

    /// The stand if the caller may see it; the same 404 as for a missing one otherwise.
    func visibleStand(_ rawID: String, for caller: Caller, field: String? = nil) async throws -> StandPartnerRecord {
        guard let id = UUID(uuidString: rawID) else {
            if let field { throw ValidationFailure(field: field, message: "must be a UUID") }
            throw APIError.badRequest("The id '\(rawID)' is not a UUID.")
        }
        guard let stand = try await stands.repository.find(id, scope: caller.scope) else {
            throw APIError.notFound("No stand with this id.")
        }
        return stand
    }

    /// HQ, an integration with `service`, or the stand's owners and managers.
    func requireStandActor(_ caller: Caller, stand standID: UUID, orService service: ServiceScope) throws(APIError) {
        if caller.role == .partner {
            guard caller.scope.canActFor(partner: standID) else {
                throw .forbidden("Only the stand's owners and managers may do this.")
            }
            return
        }
        try caller.requireHeadquarters(orService: service)
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

    private func standDetails(_ stand: StandPartnerRecord) async throws -> Components.Schemas.StandDetails {
        let id = try stand.requireID()
        let repository = stands.repository
        let summary = try await repository.summary(of: stand)
        let inventory = try await repository.inventory(of: id)
        let demand = try await repository.dailyDemand(of: id)
        let locations = try await repository.locations(of: id).map { location in
            let locationID = try location.requireID()
            return Components.Schemas.StandLocationInventory(
                location: try location.api,
                inventory: inventory.filter { $0.$location.id == locationID }.map {
                    $0.api(dailyDemand: demand[StandRepository.demandKey(locationID, $0.sku)] ?? 0)
                })
        }
        return Components.Schemas.StandDetails(
            stand: try summary.api, partner: try summary.partner.api, locations: locations,
            openRefills: try await repository.openRefills(of: id).map { try $0.api },
            loyaltyBalance: try await StandLoyaltyService.balance(of: id, on: stands.database).balance,
            latestSnapshot: try await repository.latestSnapshot(of: id)?.api)
    }
}
