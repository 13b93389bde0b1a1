import Fluent
import Foundation
import PartnerAdvisor
import PartnerCore

/// `POST /partners/ai/price-anomaly` (HQ, pricing tokens): checks prices — an order's lines or
/// lines sent — against the guardrail floor and list price, the partner's tier band, what comparable
/// partners (same type) paid for the same SKU in the year before, and the partner's own last price
/// (`PriceAnomalyDetector`). An order's lines are judged on the terms of the day it was placed (the
/// tier the partner had, the override then in force, the promotions then running), rebuilt from the
/// pricing versions and promotions (`PricingHistoryReader`). Reads only; nothing is stored.
struct PriceAnomalyService {
    struct Line: Sendable, Hashable {
        let sku: String
        let unitPrice: Money
        let quantity: Int
        /// The list price on the day the line was charged (an order's lines keep it); today's if nil.
        var listPrice: Money?
    }

    struct Checked: Sendable {
        let line: Line
        let verdict: PriceVerdict
    }

    /// An order to check: its partner, when it was placed and its lines.
    struct Order: Sendable {
        let partnerID: UUID
        let placedAt: Date
        let lines: [Line]
    }

    static let maxLines = 200
    static let peerWindowDays = 365.0

    let database: any Database
    let pricing: PartnerPricingService
    let products: CatalogService
    let guardrails: GuardrailService
    let clock: AppClock

    /// The order's partner (any partner: the caller is HQ or a pricing token), time and lines.
    func order(_ orderID: UUID) async throws -> Order {
        guard let record = try await PartnerOrderRecord.find(orderID, on: database) else {
            throw DomainError.notFound("No order with this id.")
        }
        let items = try await PartnerOrderItemRecord.query(on: database).filter(\.$order.$id == orderID).sort(\.$lineNumber).all()
        let currency = Currency(record.currency) ?? .eur
        return Order(
            partnerID: record.$partner.id, placedAt: record.placedAt,
            lines: items.map {
                Line(
                    sku: $0.sku, unitPrice: Money(minorUnits: $0.unitPriceMinor, currency: currency), quantity: $0.quantity,
                    listPrice: Money(minorUnits: $0.listPriceMinor, currency: currency))
            })
    }

    /// Checks `lines` for `partner`, or against every partner without one. With `placedAt` the lines
    /// are judged on the partner's terms of that day against what was paid in the year before it;
    /// without, they are prices to be charged today, and the partner's current effective price is
    /// never flagged (it is the price list, not the order).
    func check(_ lines: [Line], partner: Partner?, placedAt: Date? = nil, excludingOrder orderID: UUID?) async throws -> [Checked] {
        let date = placedAt ?? clock.now
        let skus = Array(Set(lines.map(\.sku)))
        let catalogue = try await products.bySKU(skus)
        var failures: [FieldError] = []
        for (index, line) in lines.enumerated() where catalogue[line.sku] == nil {
            failures.append(FieldError(field: "lines[\(index)].sku", message: "is not in the catalogue"))
        }
        if !failures.isEmpty { throw ValidationFailure(failures) }
        let floors = try await guardrails.byProduct()
        let paid = PaidPriceReader(
            database: database, skus: skus, since: date.addingTimeInterval(-Self.peerWindowDays * 86_400), until: date)
        guard let partner else {
            let peers = try await paid.raw(excludingOrder: orderID)
            return lines.map { line in
                guard let product = catalogue[line.sku] else { return Checked(line: line, verdict: .unremarkable) }
                let context = PriceContext(
                    listPrice: (line.listPrice ?? product.listPrice).minorUnits,
                    floor: product.id.flatMap { floors[$0]?.floorPrice.minorUnits },
                    tierPrice: nil, effectivePrice: nil, peerPrices: peers[line.sku] ?? [], ownHistory: [],
                    currency: product.listPrice.currency)
                return Checked(line: line, verdict: PriceAnomalyDetector.check(unitPrice: line.unitPrice.minorUnits, context: context))
            }
        }
        let histories = try await PricingHistoryReader(database: database).histories(ofType: partner.type)
        guard let history = histories[partner.id] else { throw DomainError.partnerNotFound }
        var listed: [String: EffectivePrice] = [:]
        if placedAt == nil {
            for line in try await pricing.priceList(for: partner).lines where listed[line.product.sku] == nil {
                listed[line.product.sku] = line.price
            }
        }
        let terms = paid.terms(catalogue: catalogue, guardrails: floors, histories: histories)
        let peers = try await paid.onTerms(ofType: partner.type, excluding: partner.id, excludingOrder: orderID, terms: terms)
        let own = try await paid.onTerms(of: partner.id, excludingOrder: orderID, terms: terms)
        return lines.map { line in
            guard let product = catalogue[line.sku] else { return Checked(line: line, verdict: .unremarkable) }
            var definition = product.definition
            if let listPrice = line.listPrice { definition.listPrice = listPrice }
            let guardrail = product.id.flatMap { floors[$0] }
            let expected = listed[line.sku] ?? history.price(definition, guardrail: guardrail, at: date)
            let context = PriceContext(
                listPrice: definition.listPrice.minorUnits, floor: guardrail?.floorPrice.minorUnits,
                tierPrice: expected.tierPrice.minorUnits,
                expectedPrice: expected.unitPrice.minorUnits, effectivePrice: placedAt == nil ? expected.unitPrice.minorUnits : nil,
                peers: peers[line.sku] ?? [], own: own[line.sku] ?? [], currency: definition.listPrice.currency)
            return Checked(line: line, verdict: PriceAnomalyDetector.check(unitPrice: line.unitPrice.minorUnits, context: context))
        }
    }
}
