import Fluent
import Foundation
import PartnerCore

/// Promotions: drafted and published by HQ, applied by the pricing engine and to loyalty points.
struct PromotionService {
    let database: any Database
    let writes: WriteSerializer
    let products: CatalogService
    let tiers: TierService
    let clock: AppClock

    func find(_ id: UUID) async throws -> Promotion? {
        try await PromotionRecord.find(id, on: database)?.value
    }

    func list(status: PromotionStatus?, page: PageRequest) async throws -> Page<Promotion> {
        let query = PromotionRecord.query(on: database)
        if let status { query.filter(\.$status == status) }
        if let after = try page.position(UUID.self) { query.filter(\.$id > after) }
        let rows = try await query.sort(\.$id).limit(page.limit + 1).all().map { try $0.value }
        return Page(rows: rows, limit: page.limit) { $0.id }
    }

    /// Published promotions running today that target `partner`.
    func current(for partner: Partner) async throws -> [Promotion] {
        try await current(
            partnerID: partner.id, type: partner.type, tierCode: partner.tier?.code, region: partner.region, at: clock.now, on: database)
    }

    /// Published promotions running on `date` for a partner of this type, tier and region.
    func current(partnerID: UUID, type: PartnerType, tierCode: String?, region: String, at date: Date, on db: any Database) async throws
        -> [Promotion]
    {
        let candidates = try await PromotionRecord.query(on: db)
            .filter(\.$status == .published).filter(\.$validFrom <= date).filter(\.$validTo >= date.addingTimeInterval(-86_400))
            .all().map { try $0.value }
        return candidates.filter { $0.applies(partnerID: partnerID, type: type, tierCode: tierCode, region: region, at: date) }
    }

    /// The same for a locked partner row inside a write.
    func current(for partner: PartnerRecord, at date: Date, on db: any Database) async throws -> [Promotion] {
        var tierCode = (partner.$tier.value ?? nil)?.code
        if tierCode == nil, let tierID = partner.$tier.id { tierCode = try await PartnerTierRecord.find(tierID, on: db)?.code }
        return try await current(
            partnerID: try partner.requireID(), type: partner.type, tierCode: tierCode, region: partner.region, at: date, on: db)
    }

    /// A new draft promotion; every SKU and tier code it names must exist.
    func create(_ draft: PromotionDraft, by userID: UUID) async throws -> Promotion {
        var validator = FieldValidator()
        if case .discount(_, let skus, _) = draft.benefit, !skus.isEmpty {
            let unknown = skus.subtracting(try await products.bySKU(skus).keys).sorted()
            validator.check(unknown.isEmpty, "skus", "has SKUs that are not in the catalogue: \(unknown.joined(separator: ", "))")
        }
        let known = Set(try await tiers.all().map(\.code))
        let unknownTiers = draft.audience.tierCodes.subtracting(known).sorted()
        validator.check(unknownTiers.isEmpty, "audience.tierCodes", "has unknown tier codes: \(unknownTiers.joined(separator: ", "))")
        try validator.finish()
        let record = PromotionRecord(draft, createdBy: userID)
        try await writes.transaction(on: database) { db in try await record.create(on: db) }
        return try record.value
    }

    func move(_ id: UUID, to next: PromotionStatus) async throws -> Promotion {
        let now = clock.now
        return try await writes.transaction(on: database) { db in
            try await db.lockRow(of: PromotionRecord.schema, id: id)
            guard let current = try await PromotionRecord.find(id, on: db) else { throw DomainError.notFound("No promotion with this id.") }
            let previous = current.status
            current.status = try previous.moving(to: next)
            // Kept so an old order is judged on the promotions that were running when it was placed.
            switch next {
            case .published: current.publishedAt = now
            case .archived: current.archivedAt = now
            case .draft: break
            }
            try await current.update(on: db)
            try await EventOutbox.append(PromotionEvents.statusChanged(current, id: id, from: previous), on: db, at: now)
            return try current.value
        }
    }
}
