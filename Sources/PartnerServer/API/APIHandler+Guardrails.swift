import Foundation
import PartnerAPI
import PartnerCore
import Vapor

extension APIHandler {
    func listGuardrails(_ input: Operations.ListGuardrails.Input) async throws -> Operations.ListGuardrails.Output {
        let caller = try authenticate()
        try caller.authorize(.readGuardrails)
        return .ok(.init(body: .json(.init(items: try await services.guardrails.all().map(\.api)))))
    }

    func upsertGuardrails(_ input: Operations.UpsertGuardrails.Input) async throws -> Operations.UpsertGuardrails.Output {
        let caller = try authenticate()
        try caller.authorize(.writeGuardrails)
        guard case .json(let body) = input.body else { throw APIError.badRequest("Send a JSON body.") }
        var validator = FieldValidator()
        validator.check(!body.items.isEmpty, "items", "must contain at least one guardrail")
        validator.check(body.items.count <= 5_000, "items", "must contain at most 5000 guardrails")
        let catalogue = try await services.products.bySKU(body.items.map { ProductDefinition.normalizedSKU($0.sku) })
        var accepted: [(product: ProductRecord, guardrail: Guardrail)] = []
        var seen: Set<String> = []
        for (index, item) in body.items.enumerated() {
            let prefix = "items[\(index)]."
            let sku = ProductDefinition.normalizedSKU(item.sku)
            guard let product = catalogue[sku] else {
                validator.fail(prefix + "sku", "'\(item.sku)' is not in the catalogue")
                continue
            }
            guard seen.insert(sku).inserted else {
                validator.fail(prefix + "sku", "repeats \(sku) from an earlier line")
                continue
            }
            do {
                let guardrail = try Guardrail.validated(
                    floor: (item.floorPrice.amount, item.floorPrice.currency),
                    ceiling: item.ceilingPrice.map { ($0.amount, $0.currency) },
                    maxDiscountPercent: item.maxDiscountPercent, minMarginPercent: item.minMarginPercent,
                    currency: product.listPrice.currency, prefix: prefix)
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
        try await services.guardrails.upsert(accepted)
        let stored = try await services.guardrails.all().filter { seen.contains($0.product.sku) }
        return .ok(.init(body: .json(.init(items: stored.map(\.api)))))
    }
}
