import Fluent
import Foundation
import PartnerCore

/// Pricing OS guardrails: the floor, ceiling, discount and margin limits the pricing engine keeps.
struct GuardrailService {
    /// One guardrail as a client sent it.
    struct Submission: Sendable {
        let sku: String
        let floor: (amount: String, currency: String)
        let ceiling: (amount: String, currency: String)?
        let maxDiscountPercent: Double?
        let minMarginPercent: Double?
    }

    static let maxItems = 5_000

    let database: any Database
    let writes: WriteSerializer
    let catalogue: CatalogService
    let clock: AppClock

    /// Every guardrail, by SKU.
    func all() async throws -> [ProductGuardrail] {
        try await GuardrailRecord.query(on: database).with(\.$product).all().map(\.value).sorted { $0.sku < $1.sku }
    }

    /// Guardrails keyed by product id.
    func byProduct(on db: (any Database)? = nil) async throws -> [UUID: Guardrail] {
        let rows = try await GuardrailRecord.query(on: db ?? database).all()
        return Dictionary(firstValues: rows.map { ($0.$product.id, $0.guardrail) })
    }

    /// Checks every submission against the catalogue (known SKU, its currency, a floor not above
    /// list price) and replaces those products' guardrails in one transaction; nothing is saved if
    /// any line fails. Returns the stored guardrails of the submitted SKUs.
    func upsert(_ submissions: [Submission]) async throws -> [ProductGuardrail] {
        var validator = FieldValidator()
        validator.check(!submissions.isEmpty, "items", "must contain at least one guardrail")
        validator.check(submissions.count <= Self.maxItems, "items", "must contain at most \(Self.maxItems) guardrails")
        let products = try await catalogue.bySKU(submissions.map { ProductDefinition.normalizedSKU($0.sku) })
        var accepted: [(product: ProductRecord, guardrail: Guardrail)] = []
        var seen: Set<String> = []
        for (index, item) in submissions.enumerated() {
            let prefix = "items[\(index)]."
            let sku = ProductDefinition.normalizedSKU(item.sku)
            guard let product = products[sku] else {
                validator.fail(prefix + "sku", "'\(item.sku)' is not in the catalogue")
                continue
            }
            guard seen.insert(sku).inserted else {
                validator.fail(prefix + "sku", "repeats \(sku) from an earlier line")
                continue
            }
            do {
                let guardrail = try Guardrail.validated(
                    floor: item.floor, ceiling: item.ceiling, maxDiscountPercent: item.maxDiscountPercent,
                    minMarginPercent: item.minMarginPercent, currency: product.listPrice.currency, prefix: prefix)
                guard guardrail.floorPrice.minorUnits <= product.listPriceMinor else {
                    validator.fail(
                        prefix + "floorPrice",
                        "must not be above the list price of \(product.listPrice.amount) \(product.listPrice.currency.code)")
                    continue
                }
                accepted.append((product, guardrail))
            } catch {
                for failure in error.errors { validator.fail(failure.field, failure.message) }
            }
        }
        try validator.finish()
        try await store(accepted)
        return try await all().filter { seen.contains($0.sku) }
    }

    /// Replaces the guardrails of the given products in one transaction.
    private func store(_ guardrails: [(product: ProductRecord, guardrail: Guardrail)]) async throws {
        let date = clock.now
        try await writes.transaction(on: database) { db in
            let ids = guardrails.compactMap(\.product.id)
            let existing = try await GuardrailRecord.query(on: db).filter(\.$product.$id ~~ ids).all()
            let byProduct = Dictionary(firstValues: existing.map { ($0.$product.id, $0) })
            for (product, guardrail) in guardrails {
                let productID = try product.requireID()
                let record = byProduct[productID] ?? GuardrailRecord()
                record.$product.id = productID
                record.apply(guardrail, at: date)
                try await record.save(on: db)
            }
            try await EventOutbox.append(GuardrailEvents.updated(skus: guardrails.map(\.product.sku), batchID: UUID()), on: db, at: date)
        }
    }
}

extension GuardrailRecord {
    /// Needs `product` loaded.
    var value: ProductGuardrail {
        ProductGuardrail(sku: product.sku, guardrail: guardrail, updatedAt: updatedAt ?? Date(timeIntervalSince1970: 0))
    }
}
