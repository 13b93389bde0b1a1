import Fluent
import Foundation
import PartnerCore

extension DemoPricingPlan {
    /// The terms of partners added beside the demo (the scale seed): the stored promotions and
    /// guardrails, without pricing changes of their own.
    static func stored(tiers: [PartnerTierRecord], guardrails: [UUID: Guardrail], on db: any Database) async throws -> DemoPricingPlan {
        DemoPricingPlan(
            promotions: try await PromotionRecord.query(on: db).sort(\.$id).all().map { try $0.value }, guardrails: guardrails,
            tierDiscounts: Dictionary(firstValues: tiers.map { ($0.code, $0.baseDiscountBasisPoints) }))
    }

    /// Stores the terms as the live paths keep them: the promotions, each partner's pricing versions
    /// (the changes with their values before and after) and its overrides as they stand today.
    func insert(products: [ProductRecord], createdBy: UUID, on db: any Database) async throws {
        var ids = SeededGenerator(seed: 5_151)
        try await promotions.map { PromotionRecord($0, createdBy: createdBy) }.createInChunks(on: db)
        var versionRecords: [PricingVersionRecord] = []
        for (partnerID, list) in versions.sorted(by: { $0.key.uuidString < $1.key.uuidString }) {
            for version in list {
                let changes = String(decoding: try JSONEncoder.sortedCompact.encode(version.changes), as: UTF8.self)
                let record = PricingVersionRecord(
                    partnerID: partnerID, version: version.version, changedBy: version.changedBy, reason: version.reason, changes: changes,
                    changedAt: version.changedAt)
                record.id = UUID(using: &ids)
                versionRecords.append(record)
            }
        }
        try await versionRecords.createInChunks(on: db)
        let productIDs = Dictionary(firstValues: products.compactMap { product in product.id.map { (product.sku, $0) } })
        var overrideRecords: [PartnerPricingRecord] = []
        for (partnerID, bySKU) in overrides.sorted(by: { $0.key.uuidString < $1.key.uuidString }) {
            for (sku, override) in bySKU.sorted(by: { $0.key < $1.key }) {
                guard let productID = productIDs[sku] else { continue }
                let record = PartnerPricingRecord(partnerID: partnerID, productID: productID)
                record.id = UUID(using: &ids)
                let changed = versions[partnerID]?.last { $0.changes.contains { $0.overrideSKU == sku } }?.changedAt
                record.apply(override, at: changed ?? override.validFrom ?? .distantPast)
                overrideRecords.append(record)
            }
        }
        try await overrideRecords.createInChunks(on: db)
    }
}
