import Fluent
import Foundation
import PartnerCore

/// The tier catalogue: what each tier grants and which partner types it applies to.
struct TierService {
    let database: any Database
    let writes: WriteSerializer

    /// Every tier, lowest rank first.
    func all(on db: (any Database)? = nil) async throws -> [PartnerTier] {
        try await TierRow.all(on: db ?? database)
    }

    func find(code: String) async throws -> PartnerTier? {
        try await PartnerTierRecord.query(on: database).filter(\.$code == code).first()?.value
    }

    /// The tier a partner of `type` gets for `code`: the named tier, checked to apply to the type
    /// (`field` names the request field of the 422); without a code the entry tier (lowest rank)
    /// of the type when `defaultingToEntry`; an empty code means no tier.
    func resolve(
        code: String?, for type: PartnerType, defaultingToEntry: Bool = true, field: String = "tierCode", on db: (any Database)? = nil
    ) async throws -> PartnerTier? {
        guard let code, !code.isEmpty else {
            guard code == nil, defaultingToEntry else { return nil }
            return try await all(on: db).first { $0.definition.applies(to: type) }
        }
        guard let tier = try await PartnerTierRecord.query(on: db ?? database).filter(\.$code == code).first()?.value else {
            throw ValidationFailure(field: field, message: "'\(code)' is not a known tier code")
        }
        guard tier.definition.applies(to: type) else {
            throw ValidationFailure(field: field, message: "tier '\(code)' does not apply to \(type.rawValue) partners")
        }
        return tier
    }

    func create(_ definition: TierDefinition) async throws -> PartnerTier {
        let tier = PartnerTierRecord(definition)
        let conflict = DomainError.conflict("A tier with code '\(definition.code)' already exists.")
        try await writes.transaction(on: database) { db in
            if try await PartnerTierRecord.query(on: db).filter(\.$code == definition.code).count() > 0 { throw conflict }
            do {
                try await tier.create(on: db)
            } catch  where error.isConstraintViolation {
                throw conflict
            }
        }
        return try tier.value
    }
}
