import Fluent
import Foundation
import PartnerCore
import SQLKit

/// Registers, edits and reads partners. Every read takes the caller's `AccessScope` and filters in
/// SQL, so a partner user's query can never return another partner's row; every write validates,
/// resolves the tier and records its events in its own transaction, the partner row locked first.
struct PartnerService {
    let database: any Database
    let writes: WriteSerializer
    let tiers: TierService
    let clock: AppClock

    /// Every partner-scoped request starts here, so it is one SQL query decoded into a value.
    func find(_ id: UUID, scope: AccessScope) async throws -> Partner? {
        guard scope.canView(partner: id) else { return nil }
        let query: SQLQueryString =
            "SELECT \(PartnerRow.columns) FROM partners p LEFT JOIN partner_tiers t ON t.id = p.tier_id WHERE p.id = \(bind: id)"
        return try await RowReader.all(query, on: database).first.map { try PartnerRow($0).value }
    }

    /// Every partner in a status, oldest id first: what the network-wide automations walk.
    func all(in status: PartnerStatus) async throws -> [Partner] {
        let query: SQLQueryString = """
            SELECT \(PartnerRow.columns) FROM partners p LEFT JOIN partner_tiers t ON t.id = p.tier_id \
            WHERE p.status = \(bind: status.rawValue) ORDER BY p.id
            """
        return try await RowReader.all(query, on: database).map { try PartnerRow($0).value }
    }

    /// Registers a partner (as `applicant` unless it starts `active`) on the named tier, or on the
    /// entry tier of its type when none is named; an empty code means no tier.
    func create(_ profile: PartnerProfile, status: PartnerStatus = .applicant, tierCode: String?) async throws -> Partner {
        var errors: [FieldError] = []
        var validated: PartnerProfile?
        do { validated = try profile.validated() } catch { errors += error.errors }
        if status != .applicant && status != .active {
            errors.append(FieldError(field: "status", message: "a new partner starts as applicant or active"))
        }
        var resolved: PartnerTier?
        do {
            resolved = try await tiers.resolve(code: tierCode, for: profile.type)
        } catch let failure as ValidationFailure {
            errors += failure.errors
        }
        guard errors.isEmpty, let profile = validated else { throw ValidationFailure(errors) }
        let tier = resolved

        let partner = PartnerRecord(profile: profile, status: status, tierID: tier?.id)
        let now = clock.now
        try await writes.transaction(on: database) { db in
            try await Self.checkDuplicates(of: profile, excluding: nil, on: db)
            try await Self.saving { try await partner.create(on: db) }
            try await EventOutbox.append(PartnerEvents.created(partner, id: try partner.requireID(), tierCode: tier?.code), on: db, at: now)
        }
        return try partner.value(tier: tier)
    }

    /// Applies a PATCH under the partner's lock, so two concurrent edits cannot overwrite each other
    /// and a status move is judged against the stored status.
    func update(_ id: UUID, with edit: PartnerEdit) async throws -> Partner {
        let now = clock.now
        return try await writes.transaction(on: database) { db in
            try await db.lockPartner(id)
            guard let partner = try await PartnerRecord.query(on: db).filter(\.$id == id).with(\.$tier).first() else {
                throw DomainError.partnerNotFound
            }
            let before = partner.profile
            var errors: [FieldError] = []
            var after = before
            do { after = try edit.applied(to: before).validated() } catch let failure as ValidationFailure { errors += failure.errors }
            var tier = try partner.tier.map { try $0.value }
            do {
                if let code = edit.tierCode {
                    tier = try await tiers.resolve(code: code, for: after.type, defaultingToEntry: false, on: db)
                } else if let current = tier, !current.definition.applies(to: after.type) {
                    throw ValidationFailure(
                        field: "tierCode",
                        message: "tier '\(current.code)' does not apply to \(after.type.rawValue) partners; choose another")
                }
            } catch let failure as ValidationFailure {
                errors += failure.errors
            }
            guard errors.isEmpty else { throw ValidationFailure(errors) }

            let oldStatus = partner.status
            let newStatus = try edit.status.map { try oldStatus.moving(to: $0) } ?? oldStatus
            var changed = after.changedFields(from: before)
            let previousTier = partner.tier?.code
            if tier?.id != partner.$tier.id { changed.append("tierCode") }
            guard !changed.isEmpty || newStatus != oldStatus else { return try partner.value(tier: tier) }

            if !Set(changed).isDisjoint(with: ["type", "companyName", "taxId"]) {
                try await Self.checkDuplicates(of: after, excluding: id, on: db)
            }
            partner.apply(after)
            partner.status = newStatus
            partner.$tier.id = tier?.id
            try await Self.saving { try await partner.update(on: db) }
            if !changed.isEmpty {
                try await EventOutbox.append(
                    PartnerEvents.updated(partner, id: id, tierCode: tier?.code, changedFields: changed), on: db, at: now)
            }
            if newStatus != oldStatus {
                try await EventOutbox.append(PartnerEvents.statusChanged(id: id, from: oldStatus, to: newStatus), on: db, at: now)
            }
            if changed.contains("tierCode") {
                try await EventOutbox.append(PartnerEvents.tierChanged(id: id, from: previousTier, to: tier?.code), on: db, at: now)
            }
            return try partner.value(tier: tier)
        }
    }

    /// Names the duplicate precisely; the unique indexes stay the final guard under races.
    static func checkDuplicates(of profile: PartnerProfile, excluding id: UUID?, on db: any Database) async throws {
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

    static func saving(_ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch  where error.isConstraintViolation {
            throw DomainError.conflict("A partner with the same type and company name, or the same tax id, is already registered.")
        }
    }
}
