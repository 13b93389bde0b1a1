import Fluent
import Foundation
import PartnerCore

/// Enrols a stand partner: the partner (new or existing), its stand tier, locations, a planogram
/// on every location, and an opening refill per location — one transaction, one `stand.created`.
struct StandEnrolment {
    enum PartnerSource: Sendable {
        case existing(UUID)
        case new(PartnerProfile, PartnerStatus)
    }

    let writes: WriteSerializer
    let database: any Database
    let refills: StandRefillService
    let products: CatalogService
    let clock: AppClock

    func enrol(
        _ source: PartnerSource, package: StandPackage, locations: [StandLocationDraft], planogram requested: [Planogram.Line]?,
        by userID: UUID
    ) async throws -> UUID {
        let now = clock.now
        return try await writes.transaction(on: database) { db in
            let tier = try await PartnerTierRecord.query(on: db).filter(\.$code == package.rawValue).first()
            let partner = try await resolvePartner(source, tier: tier, on: db, at: now)
            let standID = try partner.requireID()
            try await db.lockPartner(standID)
            guard try await StandPartnerRecord.find(standID, on: db) == nil else {
                throw DomainError.conflict("\(partner.companyName) is already enrolled in the Stand Program.")
            }
            let planogram = try await resolvePlanogram(requested, package: package, locations: locations, on: db)
            let products = try await products.bySKU(planogram.lines.map(\.sku), on: db)
            let stand = StandPartnerRecord(partnerID: standID, package: package, joinedAt: now)
            try await stand.create(on: db)
            var locationIDs: [UUID] = []
            for draft in locations {
                let location = StandLocationRecord()
                location.$stand.id = standID
                location.name = draft.name
                location.venueType = draft.venueType
                location.address = draft.address
                location.city = draft.city
                location.region = draft.region
                location.country = draft.country
                location.latitude = draft.latitude
                location.longitude = draft.longitude
                location.capacityFacings = draft.capacityFacings ?? package.planogramSize
                location.createdAt = now
                try await location.create(on: db)
                let locationID = try location.requireID()
                locationIDs.append(locationID)
                for line in planogram.lines {
                    guard let product = products[line.sku] else { continue }
                    let inventory = StandInventoryRecord()
                    inventory.$stand.id = standID
                    inventory.$location.id = locationID
                    inventory.$product.id = try product.requireID()
                    inventory.sku = product.sku
                    inventory.onHand = 0
                    inventory.onOrder = 0
                    inventory.parLevel = line.parLevel
                    inventory.minLevel = line.minLevel
                    inventory.unreconciledShortfall = 0
                    inventory.updatedAt = now
                    try await inventory.create(on: db)
                }
                _ = try await refills.request(
                    .init(items: nil, source: "automation", note: "Opening stock", requestedBy: userID),
                    stand: standID, location: location, on: db, at: now)
            }
            try await EventOutbox.append(StandEvents.created(stand, locations: locationIDs), on: db, at: now)
            return standID
        }
    }

    private func resolvePartner(_ source: PartnerSource, tier: PartnerTierRecord?, on db: any Database, at now: Date) async throws
        -> PartnerRecord
    {
        switch source {
        case .existing(let id):
            guard let partner = try await PartnerRecord.find(id, on: db) else {
                throw ValidationFailure(field: "partnerId", message: "is not a registered partner")
            }
            guard partner.type == .stand else {
                throw ValidationFailure(
                    field: "partnerId", message: "is a \(partner.type.rawValue) partner; only stand partners join the program")
            }
            if partner.$tier.id != tier?.id {
                partner.$tier.id = tier?.id
                try await partner.update(on: db)
            }
            return partner
        case .new(let profile, let status):
            let partner = PartnerRecord(profile: profile, status: status, tierID: tier?.id)
            try await PartnerService.checkDuplicates(of: profile, excluding: nil, on: db)
            try await PartnerService.saving { try await partner.create(on: db) }
            try await EventOutbox.append(PartnerEvents.created(partner, id: try partner.requireID(), tierCode: tier?.code), on: db, at: now)
            return partner
        }
    }

    /// The requested planogram checked against the catalogue and every location's capacity, or the
    /// package's default selection of active products.
    private func resolvePlanogram(
        _ requested: [Planogram.Line]?, package: StandPackage, locations: [StandLocationDraft], on db: any Database
    )
        async throws -> Planogram
    {
        guard let requested else {
            let products = try await ProductRecord.query(on: db).filter(\.$active == true).all()
            let planogram = Planogram.defaultSelection(
                of: products.map { ($0.sku, $0.category, $0.packSize) }, package: package)
            guard !planogram.lines.isEmpty else {
                throw ValidationFailure(field: "planogram", message: "cannot be defaulted: the catalogue has no active products")
            }
            return planogram
        }
        let capacity = locations.map { $0.capacityFacings ?? package.planogramSize }.min()
        var errors = Planogram.validate(requested, capacity: capacity)
        let products = try await products.bySKU(requested.map(\.sku), on: db)
        for (index, line) in requested.enumerated() where !line.sku.isEmpty {
            if let product = products[line.sku] {
                if !product.active {
                    errors.append(FieldError(field: "planogram[\(index)].sku", message: "'\(line.sku)' is no longer sold"))
                }
            } else {
                errors.append(FieldError(field: "planogram[\(index)].sku", message: "'\(line.sku)' is not in the catalogue"))
            }
        }
        guard errors.isEmpty else { throw ValidationFailure(errors) }
        return Planogram(lines: requested)
    }
}
