import Foundation
import PartnerAPI
import PartnerAdvisor
import PartnerCore

extension APIHandler {
    func partnerPriceAnomaly(_ input: Operations.PartnerPriceAnomaly.Input) async throws -> Operations.PartnerPriceAnomaly.Output {
        let caller = try authenticate()
        try caller.authorize(.checkPriceAnomalies)
        guard case .json(let body) = input.body else { throw APIError.badRequest("Send a JSON body.") }
        var validator = FieldValidator()
        let partnerID = optionalUUID(body.partnerId, field: "partnerId", into: &validator)
        let orderID = optionalUUID(body.orderId, field: "orderId", into: &validator)
        validator.check(
            (body.orderId == nil) != (body.lines == nil), body.orderId == nil ? "lines" : "orderId",
            "send either orderId or lines, not both")
        let sent = (body.lines ?? []).enumerated().compactMap { index, line -> PriceAnomalyService.Line? in
            let field = "lines[\(index)]"
            let sku = validator.requiredText(line.sku, "\(field).sku", maxLength: 64).map(ProductDefinition.normalizedSKU)
            let price = Currency(line.unitPrice.currency).flatMap { Money(amount: line.unitPrice.amount, currency: $0) }
            validator.check(price.map { $0.minorUnits > 0 } ?? false, "\(field).unitPrice", "must be a positive amount in a known currency")
            validator.check((1...1_000_000).contains(line.quantity), "\(field).quantity", "must be between 1 and 1,000,000")
            guard let sku, let price else { return nil }
            return .init(sku: sku, unitPrice: price, quantity: line.quantity)
        }
        try validator.finish()
        var partner: Partner?
        if let partnerID {
            guard let found = try await services.partners.find(partnerID, scope: caller.scope) else { throw DomainError.partnerNotFound }
            partner = found
        }
        var lines = sent
        var placedAt: Date?
        if let orderID {
            let order = try await services.priceAnomalies.order(orderID)
            if let partnerID, partnerID != order.partnerID { throw DomainError.notFound("No order with this id.") }
            if partner == nil { partner = try await services.partners.find(order.partnerID, scope: caller.scope) }
            lines = order.lines
            // An order is judged on the terms of the day it was placed.
            placedAt = order.placedAt
        }
        let checked = try await services.priceAnomalies.check(lines, partner: partner, placedAt: placedAt, excludingOrder: orderID)
        return .ok(
            .init(
                body: .json(
                    .init(
                        lines: checked.map(\.api),
                        summary: .init(
                            partnerId: partner?.id.apiString, orderId: orderID?.apiString, checked: checked.count,
                            flagged: checked.filter(\.verdict.anomalous).count)))))
    }
}
