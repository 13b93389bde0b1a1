import Foundation
import PartnerAPI
import PartnerCore
import Vapor

extension APIHandler {
    func getPartnerPricing(_ input: Operations.GetPartnerPricing.Input) async throws -> Operations.GetPartnerPricing.Output {
        let caller = try authenticate()
        let partner = try await authorizedPartner(input.path.id, for: caller, to: .readPricing)
        let list = try await services.pricing.priceList(for: partner)
        return .ok(.init(body: .json(try list.api(showingFloors: caller.may(.readCosts)))))
    }

    func setPartnerPricing(_ input: Operations.SetPartnerPricing.Input) async throws -> Operations.SetPartnerPricing.Output {
        let caller = try authenticate()
        let partner = try await authorizedPartner(input.path.id, for: caller, to: .changePricing)
        guard case .json(let body) = input.body else { throw APIError.badRequest("Send a JSON body.") }
        let change = try await validatedPricingChange(body, for: partner)
        try await services.pricing.apply(change, to: partner, by: caller.userID)
        guard let reloaded = try await services.partners.find(try partner.requireID(), scope: caller.scope) else {
            throw DomainError.partnerNotFound
        }
        return .ok(.init(body: .json(try await services.pricing.priceList(for: reloaded).api(showingFloors: true))))
    }

    func listPartnerPricingHistory(_ input: Operations.ListPartnerPricingHistory.Input) async throws
        -> Operations.ListPartnerPricingHistory.Output
    {
        let caller = try authenticate()
        let partner = try await authorizedPartner(input.path.id, for: caller, to: .readPricingHistory)
        let page = try await services.pricing.history(
            of: try partner.requireID(), page: PageRequest(limit: input.query.limit, cursor: input.query.cursor))
        return .ok(.init(body: .json(.init(items: try page.items.map { try $0.api }, nextCursor: page.nextCursor))))
    }

    /// Checks every line against the catalogue and the guardrails; nothing is saved if any fails.
    private func validatedPricingChange(_ body: Components.Schemas.PartnerPricingChange, for partner: PartnerRecord) async throws
        -> PricingChange
    {
        var validator = FieldValidator()
        let reason = validator.requiredText(body.reason, "reason", maxLength: 500, minLength: 3) ?? ""
        let lines = body.overrides ?? []
        validator.check(lines.count <= 500, "overrides", "must contain at most 500 lines")
        var tier = partner.tier
        var tierChanged = false
        if let code = body.tierCode {
            do {
                tier = code.isEmpty ? nil : try await services.tiers.resolve(code: code, for: partner.type)
                tierChanged = tier?.id != partner.$tier.id
            } catch let failure as ValidationFailure {
                for error in failure.errors { validator.fail(error.field, error.message) }
            }
        }
        let catalogue = try await services.products.bySKU(lines.map { ProductDefinition.normalizedSKU($0.sku) })
        let guardrailsByProduct = try await services.guardrails.byProduct()
        var changes: [PricingChange.OverrideChange] = []
        var seen: Set<String> = []
        for (index, line) in lines.enumerated() {
            let prefix = "overrides[\(index)]."
            let sku = ProductDefinition.normalizedSKU(line.sku)
            guard let product = catalogue[sku], let productID = product.id else {
                validator.fail(prefix + "sku", "'\(line.sku)' is not in the catalogue")
                continue
            }
            guard seen.insert(sku).inserted else {
                validator.fail(prefix + "sku", "repeats \(sku) from an earlier line")
                continue
            }
            guard let override = parseOverride(line, product: product, prefix: prefix, validator: &validator) else {
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

    /// `nil` when the line sets no price (a removal) or is invalid (errors recorded).
    private func parseOverride(
        _ line: Components.Schemas.PriceOverrideInput, product: ProductRecord, prefix: String, validator: inout FieldValidator
    ) -> PriceOverride? {
        let validFrom = line.validFrom.map { (CalendarDay.parse($0), $0) }
        let validTo = line.validTo.map { (CalendarDay.parse($0), $0) }
        if let validFrom, validFrom.0 == nil { validator.fail(prefix + "validFrom", "must be a date as YYYY-MM-DD") }
        if let validTo, validTo.0 == nil { validator.fail(prefix + "validTo", "must be a date as YYYY-MM-DD") }
        if let from = validFrom?.0, let to = validTo?.0, to < from { validator.fail(prefix + "validTo", "must not be before validFrom") }
        let kind: PriceOverride.Kind
        switch (line.unitPrice, line.discountPercent) {
        case (nil, nil):
            return nil
        case (.some, .some):
            validator.fail(prefix + "unitPrice", "set either unitPrice or discountPercent, not both")
            return nil
        case (.some(let price), nil):
            guard let money = ProductDefinition.money((price.amount, price.currency), field: prefix + "unitPrice", validator: &validator)
            else { return nil }
            guard money.currency == product.listPrice.currency else {
                validator.fail(prefix + "unitPrice.currency", "must be \(product.listPrice.currency.code), the product's currency")
                return nil
            }
            guard money.minorUnits > 0 else {
                validator.fail(prefix + "unitPrice.amount", "must be greater than zero")
                return nil
            }
            kind = .unitPrice(money)
        case (nil, .some(let percent)):
            guard let basisPoints = FixedPoint.scaled(percent, decimals: 2), (0...10_000).contains(basisPoints) else {
                validator.fail(prefix + "discountPercent", "must be between 0 and 100 with at most two decimals")
                return nil
            }
            kind = .discount(basisPoints: basisPoints)
        }
        return PriceOverride(sku: product.sku, kind: kind, validFrom: validFrom?.0, validTo: validTo?.0)
    }
}
