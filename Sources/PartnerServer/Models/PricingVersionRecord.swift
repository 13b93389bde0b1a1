import Fluent
import Foundation
import PartnerCore

/// One versioned change of a partner's pricing: who, when, why, and each value before and after.
final class PricingVersionRecord: Model, @unchecked Sendable {
    static let schema = "partner_pricing_versions"

    @ID(key: .id) var id: UUID?
    @Parent(key: "partner_id") var partner: PartnerRecord
    /// 1, 2, 3 … per partner; unique with the partner so concurrent changes cannot share a number.
    @Field(key: "version") var version: Int
    @Field(key: "changed_by") var changedBy: UUID
    @Field(key: "reason") var reason: String
    /// `[{field, previous, current}]` as JSON text.
    @Field(key: "changes") var changes: String
    @Field(key: "changed_at") var changedAt: Date

    init() {}

    init(partnerID: UUID, version: Int, changedBy: UUID, reason: String, changes: String, changedAt: Date) {
        self.$partner.id = partnerID
        self.version = version
        self.changedBy = changedBy
        self.reason = reason
        self.changes = changes
        self.changedAt = changedAt
    }

    var value: PricingVersion {
        get throws {
            PricingVersion(
                version: version, changedBy: changedBy, changedAt: changedAt, reason: reason,
                changes: try Self.changes(from: changes))
        }
    }

    /// The `changes` column's JSON as entries.
    static func changes(from text: String) throws -> [PricingChangeEntry] {
        try JSONDecoder().decode([PricingChangeEntry].self, from: Data(text.utf8))
    }
}
