import Foundation
import PartnerCore

extension PartnerRecord {
    /// The partner as a value, with the tier when it was eager-loaded (`with(\.$tier)`).
    var value: Partner {
        get throws { try value(tier: ($tier.value ?? nil)?.value) }
    }

    func value(tier: PartnerTier?) throws -> Partner {
        let created = createdAt ?? Date(timeIntervalSince1970: 0)
        return Partner(
            id: try requireID(), profile: profile, status: status, tier: tier, createdAt: created, updatedAt: updatedAt ?? created)
    }
}

extension PartnerTierRecord {
    var value: PartnerTier {
        get throws { PartnerTier(id: try requireID(), definition: definition) }
    }
}
