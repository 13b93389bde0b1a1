import Fluent
import PartnerCore

/// Every installation starts with the standard tiers so partners can be placed at once.
struct SeedDefaultTiers: AsyncMigration {
    func prepare(on database: any Database) async throws {
        for definition in TierDefinition.defaults {
            try await PartnerTierRecord(definition).create(on: database)
        }
    }

    func revert(on database: any Database) async throws {
        try await PartnerTierRecord.query(on: database)
            .filter(\.$code ~~ TierDefinition.defaults.map(\.code))
            .delete()
    }
}
