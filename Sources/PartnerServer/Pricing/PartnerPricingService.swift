import Fluent
import Foundation
import PartnerCore

/// Prices a partner's catalogue with the one `PricingEngine`, and applies versioned pricing changes.
struct PartnerPricingService {
    let database: any Database
    let writes: WriteSerializer
    let promotions: PromotionRepository

    struct PriceList {
        let partnerID: UUID
        let tier: PartnerTierRecord?
        let date: Date
        let version: Int?
        let lines: [(product: ProductRecord, price: EffectivePrice, override: PriceOverride?, guardrail: Guardrail?)]
    }

    /// The effective price of every active product for `partner` (with its tier loaded) on `date`.
    func priceList(for partner: PartnerRecord, at date: Date = Date()) async throws -> PriceList {
        let partnerID = try partner.requireID()
        let products = try await ProductRecord.query(on: database).filter(\.$active == true).sort(\.$sku).all()
        let lines = try await prices(of: products, for: partner, at: date, on: database)
        let version = try await PricingVersionRecord.query(on: database).filter(\.$partner.$id == partnerID)
            .sort(\.$version, .descending).first()?.version
        return PriceList(partnerID: partnerID, tier: partner.tier, date: date, version: version, lines: lines)
    }

    /// Prices `products` for `partner` (tier loaded or not) with the engine: overrides, tier,
    /// promotions, guardrail floors.
    func prices(of products: [ProductRecord], for partner: PartnerRecord, at date: Date, on db: any Database) async throws
        -> [(product: ProductRecord, price: EffectivePrice, override: PriceOverride?, guardrail: Guardrail?)]
    {
        let partnerID = try partner.requireID()
        let productIDs = try products.map { try $0.requireID() }
        let guardrails = try await GuardrailRecord.query(on: db).filter(\.$product.$id ~~ productIDs).all()
        let guardrailByProduct = Dictionary(firstValues: guardrails.map { ($0.$product.id, $0.guardrail) })
        let overrides = try await PartnerPricingRecord.query(on: db).filter(\.$partner.$id == partnerID).all()
        let overrideByProduct = Dictionary(firstValues: overrides.map { ($0.$product.id, $0) })
        var tier = partner.$tier.value ?? nil
        if tier == nil, let tierID = partner.$tier.id { tier = try await PartnerTierRecord.find(tierID, on: db) }
        let tierDiscount = tier?.baseDiscountBasisPoints ?? 0
        let promotions = try await promotions.current(for: partner, at: date, on: db).map(
            \.promotion)
        return try products.map { product in
            let productID = try product.requireID()
            let override = overrideByProduct[productID]?.override(sku: product.sku, currency: product.listPrice.currency)
            let guardrail = guardrailByProduct[productID]
            let inputs = PriceInputs(
                sku: product.sku, listPrice: product.listPrice, unitCost: product.unitCost,
                tierDiscountBasisPoints: tierDiscount, override: override,
                promotionDiscounts: promotions.compactMap { promotion in
                    promotion.discount(sku: product.sku, category: product.category).map { (promotion.id, $0) }
                }, guardrail: guardrail)
            return (product, PricingEngine.price(inputs, at: date), override, guardrail)
        }
    }

    /// Applies the change, records a version with every before/after value and emits
    /// `partner.pricing.changed`, all in one transaction. Returns `nil` when nothing changed.
    @discardableResult
    func apply(_ change: PricingChange, to partner: PartnerRecord, by userID: UUID, at date: Date = Date()) async throws -> Int? {
        let partnerID = try partner.requireID()
        return try await writes.transaction(on: database) { db in
            try await db.lockPartner(partnerID)
            var entries: [PricingChangeEntry] = []
            if change.tierChanged {
                var previous: String?
                if let tierID = partner.$tier.id { previous = try await PartnerTierRecord.find(tierID, on: db)?.code }
                entries.append(PricingChangeEntry(field: "tierCode", previous: previous, current: change.tier?.code))
                partner.$tier.id = change.tier?.id
                try await partner.update(on: db)
            }
            for overrideChange in change.overrides {
                let product = overrideChange.product
                let productID = try product.requireID()
                let existing = try await PartnerPricingRecord.query(on: db)
                    .filter(\.$partner.$id == partnerID).filter(\.$product.$id == productID).first()
                let previous = existing?.override(sku: product.sku, currency: product.listPrice.currency)
                switch overrideChange {
                case .set(_, let override):
                    guard previous != override else { continue }
                    let record = existing ?? PartnerPricingRecord(partnerID: partnerID, productID: productID)
                    record.apply(override, at: date)
                    try await record.save(on: db)
                    entries.append(
                        PricingChangeEntry(field: "overrides.\(product.sku)", previous: previous?.summary, current: override.summary))
                case .remove:
                    guard let existing else { continue }
                    try await existing.delete(on: db)
                    entries.append(PricingChangeEntry(field: "overrides.\(product.sku)", previous: previous?.summary, current: nil))
                }
            }
            guard !entries.isEmpty else { return nil }
            let latest =
                try await PricingVersionRecord.query(on: db).filter(\.$partner.$id == partnerID)
                .sort(\.$version, .descending).first()?.version ?? 0
            let encoded = String(decoding: try JSONEncoder.sortedCompact.encode(entries), as: UTF8.self)
            try await PricingVersionRecord(
                partnerID: partnerID, version: latest + 1, changedBy: userID, reason: change.reason, changes: encoded, changedAt: date
            ).create(on: db)
            try await EventOutbox.append(
                PricingEvents.changed(partnerID: partnerID, version: latest + 1, reason: change.reason, changes: entries), on: db, at: date)
            return latest + 1
        }
    }

    func history(of partnerID: UUID, page: PageRequest) async throws -> Page<PricingVersionRecord> {
        let query = PricingVersionRecord.query(on: database).filter(\.$partner.$id == partnerID)
        if let before = try page.position(Int.self) { query.filter(\.$version < before) }
        let rows = try await query.sort(\.$version, .descending).limit(page.limit + 1).all()
        return Page(rows: rows, limit: page.limit) { $0.version }
    }
}
