import Fluent
import Foundation
import PartnerCore

struct PromotionRepository {
    let database: any Database
    let writes: WriteSerializer

    func find(_ id: UUID) async throws -> PromotionRecord? {
        try await PromotionRecord.find(id, on: database)
    }

    func list(status: PromotionStatus?, page: PageRequest) async throws -> Page<PromotionRecord> {
        let query = PromotionRecord.query(on: database)
        if let status { query.filter(\.$status == status) }
        if let after = try page.position(UUID.self) { query.filter(\.$id > after) }
        let rows = try await query.sort(\.$id).limit(page.limit + 1).all()
        return Page(rows: rows, limit: page.limit) { $0.id! }
    }

    /// Published promotions running on `date` that target `partner` (tier loaded or resolved here).
    func current(for partner: PartnerRecord, at date: Date, on db: (any Database)? = nil) async throws -> [PromotionRecord] {
        let db = db ?? database
        let candidates = try await PromotionRecord.query(on: db)
            .filter(\.$status == .published).filter(\.$validFrom <= date).filter(\.$validTo >= date.addingTimeInterval(-86_400))
            .all()
        var tierCode = (partner.$tier.value ?? nil)?.code
        if tierCode == nil, let tierID = partner.$tier.id { tierCode = try await PartnerTierRecord.find(tierID, on: db)?.code }
        let partnerID = try partner.requireID()
        return candidates.filter { record in
            let promotion = record.promotion
            return promotion.isCurrent(at: date)
                && promotion.audience.includes(partnerID: partnerID, type: partner.type, tierCode: tierCode, region: partner.region)
        }
    }

    func create(_ record: PromotionRecord) async throws {
        try await writes.transaction(on: database) { db in try await record.create(on: db) }
    }

    func move(_ record: PromotionRecord, to next: PromotionStatus, at now: Date = Date()) async throws {
        let id = try record.requireID()
        try await writes.transaction(on: database) { db in
            try await db.lockRow(of: PromotionRecord.schema, id: id)
            guard let current = try await PromotionRecord.find(id, on: db) else { throw DomainError.notFound("No promotion with this id.") }
            let previous = current.status
            current.status = try previous.moving(to: next)
            try await current.update(on: db)
            try await EventOutbox.append(PromotionEvents.statusChanged(current, id: id, from: previous), on: db, at: now)
            record.status = current.status
            record.updatedAt = current.updatedAt
        }
    }
}
