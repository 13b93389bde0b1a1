import Fluent
import Foundation
import PartnerAdvisor
import PartnerCore
import SQLKit

/// What partners paid for some SKUs, for the price-anomaly check: non-cancelled order lines placed
/// up to `until` (and, for comparable partners, from `since`).
struct PaidPriceReader {
    /// The price a row's partner was to be charged on the row's day, by its terms then.
    typealias Terms = (OrderLineRow) -> Int64?

    let database: any Database
    let skus: [String]
    let since: Date
    let until: Date

    /// One price per partner and SKU, the median of what it paid, over every partner, as paid.
    func raw(excludingOrder orderID: UUID?) async throws -> [String: [Double]] {
        var byPartner: [String: [UUID: [Double]]] = [:]
        for row in try await rows(where: window(excludingOrder: orderID)) {
            byPartner[row.sku, default: [:]][row.partnerId, default: []].append(Double(row.unitPriceMinor))
        }
        return byPartner.mapValues { partners in partners.values.compactMap(StandKPI.median).sorted() }
    }

    /// The engine's price for a row's partner, SKU (at the row's list price) and day, from the
    /// partners' pricing histories.
    func terms(catalogue: [String: ProductRecord], guardrails: [UUID: Guardrail], histories: [UUID: PartnerPricingHistory]) -> Terms {
        { row in
            guard let product = catalogue[row.sku], let history = histories[row.partnerId] else { return nil }
            var definition = product.definition
            definition.listPrice = Money(minorUnits: row.listPriceMinor, currency: product.listPrice.currency)
            return history.price(definition, guardrail: product.id.flatMap { guardrails[$0] }, at: row.placedAt).unitPrice.minorUnits
        }
    }

    /// What other partners of `type` paid in the window, each beside the price its terms gave.
    func onTerms(ofType type: PartnerType, excluding partnerID: UUID, excludingOrder orderID: UUID?, terms: Terms) async throws
        -> [String: [PaidPrice]]
    {
        var conditions = window(excludingOrder: orderID)
        conditions.append("o.partner_id <> \(bind: partnerID)")
        conditions.append("p.type = \(bind: type.rawValue)")
        return try await paid(where: conditions, terms: terms)
    }

    /// What the partner itself paid up to `until`, each beside the price its terms gave.
    func onTerms(of partnerID: UUID, excludingOrder orderID: UUID?, terms: Terms) async throws -> [String: [PaidPrice]] {
        var conditions = common(excludingOrder: orderID)
        conditions.append("o.partner_id = \(bind: partnerID)")
        return try await paid(where: conditions, terms: terms)
    }

    private func paid(where conditions: [SQLQueryString], terms: Terms) async throws -> [String: [PaidPrice]] {
        var paid: [String: [PaidPrice]] = [:]
        for row in try await rows(where: conditions) {
            guard let expected = terms(row) else { continue }
            paid[row.sku, default: []].append(
                PaidPrice(partnerID: row.partnerId, unitPrice: row.unitPriceMinor, expectedPrice: expected, placedAt: row.placedAt))
        }
        return paid
    }

    private func common(excludingOrder orderID: UUID?) -> [SQLQueryString] {
        var conditions: [SQLQueryString] = [
            "i.sku IN (\(binds: skus))", "o.placed_at_ms <= \(bind: PartnerOrderRecord.millis(until))",
            "o.status <> \(bind: OrderStatus.cancelled.rawValue)",
        ]
        if let orderID { conditions.append("o.id <> \(bind: orderID)") }
        return conditions
    }

    private func window(excludingOrder orderID: UUID?) -> [SQLQueryString] {
        common(excludingOrder: orderID) + ["o.placed_at_ms >= \(bind: PartnerOrderRecord.millis(since))"]
    }

    private func rows(where conditions: [SQLQueryString]) async throws -> [OrderLineRow] {
        guard !skus.isEmpty else { return [] }
        let query = OrderLineRow.selectFrom + " JOIN partners p ON p.id = o.partner_id WHERE " + conditions.joined(separator: " AND ")
        return try await database.sql().raw(query).all(decoding: OrderLineRow.self)
    }
}
