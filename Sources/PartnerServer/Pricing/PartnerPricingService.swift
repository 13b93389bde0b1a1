import Fluent
import Foundation
import PartnerCore

/// Prices a partner's catalogue with the one `PricingEngine`, and applies versioned pricing changes.
struct PartnerPricingService {
    let database: any Database
    let writes: WriteSerializer
    let promotions: PromotionService
    let catalogue: CatalogService
    let guardrails: GuardrailService
    let tiers: TierService
    let clock: AppClock

    static let maxOverrides = 500

    /// The effective price of every active product for `partner` today.
    func priceList(for partner: Partner) async throws -> PriceList {
        let date = clock.now
        guard let record = try await PartnerRecord.query(on: database).filter(\.$id == partner.id).with(\.$tier).first() else {
            throw DomainError.partnerNotFound
        }
        let products = try await ProductRecord.query(on: database).filter(\.$active == true).sort(\.$sku).all()
        let lines = try await prices(of: products, for: record, at: date, on: database).map {
            PriceList.Line(product: $0.product.definition, price: $0.price, override: $0.override, guardrail: $0.guardrail)
        }
        let version = try await PricingVersionRecord.query(on: database).filter(\.$partner.$id == partner.id)
            .sort(\.$version, .descending).first()?.version
        return PriceList(partnerID: partner.id, tier: try record.tier?.value, date: date, version: version, lines: lines)
    }

    /// Validates the change against the catalogue and the guardrails (nothing is saved if a line
    /// fails), applies it as a new version, and returns the new price list.
    func change(_ submission: PricingSubmission, for partner: Partner, by userID: UUID) async throws -> PriceList {
        try await apply(try await validated(submission, for: partner), to: partner.id, by: userID)
        guard let current = try await PartnerRecord.query(on: database).filter(\.$id == partner.id).with(\.$tier).first() else {
            throw DomainError.partnerNotFound
        }
        return try await priceList(for: try current.value)
    }

    private func validated(_ submission: PricingSubmission, for partner: Partner) async throws -> PricingChange {
        var validator = FieldValidator()
        let reason = validator.requiredText(submission.reason, "reason", maxLength: 500, minLength: 3) ?? ""
        let lines = submission.overrides
        validator.check(lines.count <= Self.maxOverrides, "overrides", "must contain at most \(Self.maxOverrides) lines")
        var tier = partner.tier
        var tierChanged = false
        if let code = submission.tierCode {
            do {
                tier = try await tiers.resolve(code: code, for: partner.type, defaultingToEntry: false)
                tierChanged = tier?.id != partner.tier?.id
            } catch let failure as ValidationFailure {
                for error in failure.errors { validator.fail(error.field, error.message) }
            }
        }
        let products = try await catalogue.bySKU(lines.map { ProductDefinition.normalizedSKU($0.sku) })
        let guardrailsByProduct = try await guardrails.byProduct()
        var changes: [PricingChange.OverrideChange] = []
        var seen: Set<String> = []
        for (index, line) in lines.enumerated() {
            let prefix = "overrides[\(index)]."
            let sku = ProductDefinition.normalizedSKU(line.sku)
            guard let product = products[sku], let productID = product.id else {
                validator.fail(prefix + "sku", "'\(line.sku)' is not in the catalogue")
                continue
            }
            guard seen.insert(sku).inserted else {
                validator.fail(prefix + "sku", "repeats \(sku) from an earlier line")
                continue
            }
            guard
                let override = PriceOverride.validated(
                    sku: product.sku, listPrice: product.listPrice, unitPrice: line.unitPrice, discountPercent: line.discountPercent,
                    validFrom: line.validFrom, validTo: line.validTo, prefix: prefix, validator: &validator)
            else {
                if line.unitPrice == nil && line.discountPercent == nil { changes.append(.remove(product: product)) }
                continue
            }
            let violations = override.violations(
                listPrice: product.listPrice, unitCost: product.unitCost, guardrail: guardrailsByProduct[productID], prefix: prefix)
            for violation in violations { validator.fail(violation.field, violation.message) }
            changes.append(.set(product: product, override: override))
        }
        try validator.finish()
        return PricingChange(tier: tier, tierChanged: tierChanged, overrides: changes, reason: reason)
    }

    /// Prices `products` for `partner` (tier loaded or not) with the engine: overrides, tier,
    /// promotions, guardrail floors.
    func prices(of products: [ProductRecord], for partner: PartnerRecord, at date: Date, on db: any Database) async throws
        -> [(product: ProductRecord, price: EffectivePrice, override: PriceOverride?, guardrail: Guardrail?)]
    {
        let partnerID = try partner.requireID()
        let productIDs = try products.map { try $0.requireID() }
        let guardrailByProduct = try await Self.guardrails(of: productIDs, on: db)
        let overrideByProduct = try await Self.overrides(of: partnerID, on: db)
        var tier = partner.$tier.value ?? nil
        if tier == nil, let tierID = partner.$tier.id {
            tier = try await PartnerTierRecord.find(tierID, on: db)
            // Kept as if eager-loaded: the promotions' audience check below reads the same tier.
            partner.$tier.value = .some(tier)
        }
        let tierDiscount = tier?.baseDiscountBasisPoints ?? 0
        let promotions = try await promotions.current(for: partner, at: date, on: db)
        return try products.map { product in
            let productID = try product.requireID()
            let override = overrideByProduct[productID]?.override(sku: product.sku, currency: product.listPrice.currency)
            let guardrail = guardrailByProduct[productID]
            let inputs = PriceInputs(
                product: product.definition, tierDiscountBasisPoints: tierDiscount, override: override, promotions: promotions,
                guardrail: guardrail)
            return (product, PricingEngine.price(inputs, at: date), override, guardrail)
        }
    }

    /// Applies the change, records a version with every before/after value and emits
    /// `partner.pricing.changed`, all in one transaction. Returns `nil` when nothing changed.
    @discardableResult
    private func apply(_ change: PricingChange, to partnerID: UUID, by userID: UUID) async throws -> Int? {
        let date = clock.now
        return try await writes.transaction(on: database) { db -> Int? in
            try await db.lockPartner(partnerID)
            var entries: [PricingChangeEntry] = []
            if change.tierChanged {
                guard let partner = try await PartnerRecord.find(partnerID, on: db) else { throw DomainError.partnerNotFound }
                var previous: String?
                if let tierID = partner.$tier.id { previous = try await PartnerTierRecord.find(tierID, on: db)?.code }
                entries.append(PricingChangeEntry(field: PricingChangeEntry.tierField, previous: previous, current: change.tier?.code))
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
                        PricingChangeEntry(
                            field: PricingChangeEntry.overrideField(sku: product.sku), previous: previous?.summary,
                            current: override.summary))
                case .remove:
                    guard let existing else { continue }
                    try await existing.delete(on: db)
                    entries.append(
                        PricingChangeEntry(
                            field: PricingChangeEntry.overrideField(sku: product.sku), previous: previous?.summary, current: nil))
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

    func history(of partnerID: UUID, page: PageRequest) async throws -> Page<PricingVersion> {
        let query = PricingVersionRecord.query(on: database).filter(\.$partner.$id == partnerID)
        if let before = try page.position(Int.self) { query.filter(\.$version < before) }
        let rows = try await query.sort(\.$version, .descending).limit(page.limit + 1).all().map { try $0.value }
        return Page(rows: rows, limit: page.limit) { $0.version }
    }
}
