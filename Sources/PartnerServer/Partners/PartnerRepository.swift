import Fluent
import Foundation
import PartnerCore

/// Reads and writes partners. Every read takes the caller's `AccessScope` and filters in SQL, so a
/// partner user's query can never return another partner's row.
struct PartnerRepository {
    let database: any Database
    let writes: WriteSerializer

    func find(_ id: UUID, scope: AccessScope) async throws -> PartnerRecord? {
        guard scope.canView(partner: id) else { return nil }
        return try await PartnerRecord.query(on: database).filter(\.$id == id).with(\.$tier).first()
    }

    func list(_ filter: PartnerFilter, scope: AccessScope, page: PageRequest) async throws -> Page<PartnerRecord> {
        let query = PartnerRecord.query(on: database).with(\.$tier)
        if let visible = scope.visiblePartnerIDs {
            guard !visible.isEmpty else { return Page(rows: [], limit: page.limit) { PartnerPosition(name: $0.companyName, id: $0.id!) } }
            query.filter(\.$id ~~ Array(visible))
        }
        if let type = filter.type { query.filter(\.$type == type) }
        if let region = filter.region { query.filter(\.$region == region) }
        if let status = filter.status { query.filter(\.$status == status) }
        if let code = filter.tierCode {
            guard let tier = try await PartnerTierRecord.query(on: database).filter(\.$code == code).first() else {
                throw ValidationFailure(field: "tier", message: "is not a known tier code")
            }
            query.filter(\.$tier.$id == tier.id)
        }
        if let text = filter.query?.trimmingCharacters(in: .whitespaces).lowercased(), !text.isEmpty {
            query.filter(\.$searchText ~~ text)
        }
        if let after = try page.position(PartnerPosition.self) {
            query.group(.or) { or in
                or.filter(\.$companyName > after.name)
                or.group(.and) { same in
                    same.filter(\.$companyName == after.name)
                    same.filter(\.$id > after.id)
                }
            }
        }
        let rows = try await query.sort(\.$companyName).sort(\.$id).limit(page.limit + 1).all()
        return Page(rows: rows, limit: page.limit) { PartnerPosition(name: $0.companyName, id: $0.id!) }
    }

    /// Registers a partner and records `partner.created` in the same transaction.
    func create(_ profile: PartnerProfile, status: PartnerStatus, tier: PartnerTierRecord?) async throws -> PartnerRecord {
        let partner = PartnerRecord(profile: profile, status: status, tierID: tier?.id)
        try await writes.transaction(on: database) { db in
            try await Self.checkDuplicates(of: profile, excluding: nil, on: db)
            try await Self.saving { try await partner.create(on: db) }
            try await EventOutbox.append(PartnerEvents.created(partner, id: try partner.requireID(), tierCode: tier?.code), on: db)
        }
        partner.$tier.value = tier
        return partner
    }

    /// Saves an edited partner with its events, in one transaction.
    func save(_ partner: PartnerRecord, changedFields: [String], statusChange: (PartnerStatus, PartnerStatus)?, tier: PartnerTierRecord?)
        async throws
    {
        let id = try partner.requireID()
        try await writes.transaction(on: database) { db in
            try await db.lockPartner(id)
            // The move was checked against the state read before the transaction; check it again
            // against the locked row so a concurrent change cannot be overwritten.
            if let (from, to) = statusChange, let stored = try await PartnerRecord.find(id, on: db)?.status, stored != from {
                throw PartnerError.illegalStatusTransition(from: stored, to: to)
            }
            if !Set(changedFields).isDisjoint(with: ["type", "companyName", "taxId"]) {
                try await Self.checkDuplicates(of: partner.profile, excluding: id, on: db)
            }
            try await Self.saving { try await partner.update(on: db) }
            let fieldChanges = changedFields.filter { $0 != "status" }
            if !fieldChanges.isEmpty {
                try await EventOutbox.append(
                    PartnerEvents.updated(partner, id: id, tierCode: tier?.code, changedFields: fieldChanges), on: db)
            }
            if let (from, to) = statusChange {
                try await EventOutbox.append(PartnerEvents.statusChanged(id: id, from: from, to: to), on: db)
            }
        }
        partner.$tier.value = tier
    }

    /// Names the duplicate precisely; the unique indexes stay the final guard under races.
    private static func checkDuplicates(of profile: PartnerProfile, excluding id: UUID?, on db: any Database) async throws {
        let sameName = PartnerRecord.query(on: db).filter(\.$type == profile.type).filter(\.$companyKey == profile.companyKey)
        if let id { sameName.filter(\.$id != id) }
        if try await sameName.count() > 0 {
            throw DomainError.conflict("A \(profile.type.rawValue) named '\(profile.companyName)' is already registered.")
        }
        if let taxId = profile.taxId {
            let sameTax = PartnerRecord.query(on: db).filter(\.$taxId == taxId)
            if let id { sameTax.filter(\.$id != id) }
            if try await sameTax.count() > 0 {
                throw DomainError.conflict("A partner with tax id \(taxId) is already registered.")
            }
        }
    }

    private static func saving(_ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch  where error.isConstraintViolation {
            throw DomainError.conflict("A partner with the same type and company name, or the same tax id, is already registered.")
        }
    }
}
