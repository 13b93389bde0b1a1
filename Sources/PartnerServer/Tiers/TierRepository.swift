import Fluent
import Foundation
import PartnerCore

struct TierRepository {
    let database: any Database
    let writes: WriteSerializer

    func all() async throws -> [PartnerTierRecord] {
        try await PartnerTierRecord.query(on: database).sort(\.$rank).sort(\.$code).all()
    }

    func find(code: String) async throws -> PartnerTierRecord? {
        try await PartnerTierRecord.query(on: database).filter(\.$code == code).first()
    }

    /// The tier named by `code`, checked to apply to partners of `type`; `field` names the request
    /// field in the 422 when it does not.
    func resolve(code: String, for type: PartnerType, field: String = "tierCode") async throws -> PartnerTierRecord {
        guard let tier = try await find(code: code) else {
            throw ValidationFailure(field: field, message: "'\(code)' is not a known tier code")
        }
        guard tier.definition.applies(to: type) else {
            throw ValidationFailure(field: field, message: "tier '\(code)' does not apply to \(type.rawValue) partners")
        }
        return tier
    }

    func create(_ definition: TierDefinition) async throws -> PartnerTierRecord {
        let tier = PartnerTierRecord(definition)
        try await writes.transaction(on: database) { db in
            if try await PartnerTierRecord.query(on: db).filter(\.$code == definition.code).count() > 0 {
                throw DomainError.conflict("A tier with code '\(definition.code)' already exists.")
            }
            do {
                try await tier.create(on: db)
            } catch  where error.isConstraintViolation {
                throw DomainError.conflict("A tier with code '\(definition.code)' already exists.")
            }
        }
        return tier
    }
}
