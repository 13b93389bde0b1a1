import Fluent
import Foundation
import PartnerAdvisor
import PartnerCore
import SQLKit

/// `POST /partners/ai/price-anomaly` (HQ, pricing tokens): checks prices — an order's lines or
/// lines sent — against the guardrail floor and list price, the partner's tier band, what comparable
/// partners (same type and tier; every partner without one) paid for the same SKU in the last year,
/// and the partner's own last price (`PriceAnomalyDetector`). Reads only; nothing is stored.
struct PriceAnomalyService {
    struct Line: Sendable, Hashable {
        let sku: String
        let unitPrice: Money
        let quantity: Int
    }

    struct Checked: Sendable {
        let line: Line
        let verdict: PriceVerdict
    }

    static let maxLines = 200
    static let peerWindowDays = 365.0

    let database: any Database
    let pricing: PartnerPricingService
    let products: CatalogService
    let guardrails: GuardrailService
    let clock: AppClock

    /// The partner an order belongs to (any partner: the caller is HQ or a pricing token).
    func orderLines(_ orderID: UUID) async throws -> (partnerID: UUID, lines: [Line]) {
        guard let record = try await PartnerOrderRecord.find(orderID, on: database) else {
            throw DomainError.notFound("No order with this id.")
        }
        let items = try await PartnerOrderItemRecord.query(on: database).filter(\.$order.$id == orderID).sort(\.$lineNumber).all()
        let currency = Currency(record.currency) ?? .eur
        return (
            record.$partner.id,
            items.map { Line(sku: $0.sku, unitPrice: Money(minorUnits: $0.unitPriceMinor, currency: currency), quantity: $0.quantity) }
        )
    }

    func check(_ lines: [Line], partner: Partner?, excludingOrder orderID: UUID?) async throws -> [Checked] {
        let skus = Array(Set(lines.map(\.sku)))
        let catalogue = try await products.bySKU(skus)
        var failures: [FieldError] = []
        for (index, line) in lines.enumerated() where catalogue[line.sku] == nil {
            failures.append(FieldError(field: "lines[\(index)].sku", message: "is not in the catalogue"))
        }
        if !failures.isEmpty { throw ValidationFailure(failures) }
        var listed: [String: PriceList.Line] = [:]
        if let partner {
            for line in try await pricing.priceList(for: partner).lines where listed[line.product.sku] == nil {
                listed[line.product.sku] = line
            }
        }
        let floors = try await guardrails.byProduct()
        let peers = try await peerPrices(skus, like: partner, excludingOrder: orderID)
        var own: [String: [Double]] = [:]
        if let partner { own = try await ownHistory(skus, of: partner.id, excludingOrder: orderID) }
        return lines.map { line in
            guard let product = catalogue[line.sku] else {
                return Checked(line: line, verdict: .unremarkable)
            }
            let entry = listed[line.sku]
            let context = PriceContext(
                listPrice: product.listPriceMinor, floor: product.id.flatMap { floors[$0]?.floorPrice.minorUnits },
                tierPrice: entry?.price.tierPrice.minorUnits, effectivePrice: entry?.price.unitPrice.minorUnits,
                peerPrices: peers[line.sku] ?? [], ownHistory: own[line.sku] ?? [], currency: product.listPrice.currency)
            return Checked(line: line, verdict: PriceAnomalyDetector.check(unitPrice: line.unitPrice.minorUnits, context: context))
        }
    }

    private struct PaidRow: Decodable {
        let partnerId: UUID
        let sku: String
        let unitPriceMinor: Int64
        let placedAtMs: Int64
    }

    /// One price per comparable partner and SKU: the median it paid over the last year.
    private func peerPrices(_ skus: [String], like partner: Partner?, excludingOrder orderID: UUID?) async throws -> [String: [Double]] {
        guard !skus.isEmpty else { return [:] }
        let since = PartnerOrderRecord.millis(clock.now.addingTimeInterval(-Self.peerWindowDays * 86_400))
        var conditions: [SQLQueryString] = [
            "i.sku IN (\(binds: skus))", "o.placed_at_ms >= \(bind: since)", "o.status <> \(bind: OrderStatus.cancelled.rawValue)",
        ]
        if let partner {
            conditions.append("o.partner_id <> \(bind: partner.id)")
            conditions.append("p.type = \(bind: partner.type.rawValue)")
            if let tier = partner.tier?.id {
                conditions.append("p.tier_id = \(bind: tier)")
            } else {
                conditions.append("p.tier_id IS NULL")
            }
        }
        if let orderID { conditions.append("o.id <> \(bind: orderID)") }
        let rows = try await paid(where: conditions)
        var byPartner: [String: [UUID: [Double]]] = [:]
        for row in rows { byPartner[row.sku, default: [:]][row.partnerId, default: []].append(Double(row.unitPriceMinor)) }
        return byPartner.mapValues { partners in partners.values.compactMap(StandKPI.median) }
    }

    /// The partner's own earlier prices per SKU, oldest first.
    private func ownHistory(_ skus: [String], of partnerID: UUID, excludingOrder orderID: UUID?) async throws -> [String: [Double]] {
        guard !skus.isEmpty else { return [:] }
        var conditions: [SQLQueryString] = [
            "i.sku IN (\(binds: skus))", "o.partner_id = \(bind: partnerID)", "o.status <> \(bind: OrderStatus.cancelled.rawValue)",
        ]
        if let orderID { conditions.append("o.id <> \(bind: orderID)") }
        let rows = try await paid(where: conditions).sorted { ($0.placedAtMs, $0.unitPriceMinor) < ($1.placedAtMs, $1.unitPriceMinor) }
        var history: [String: [Double]] = [:]
        for row in rows { history[row.sku, default: []].append(Double(row.unitPriceMinor)) }
        return history
    }

    private func paid(where conditions: [SQLQueryString]) async throws -> [PaidRow] {
        let query: SQLQueryString =
            """
            SELECT o.partner_id AS "partnerId", i.sku AS "sku", i.unit_price_minor AS "unitPriceMinor", o.placed_at_ms AS "placedAtMs" \
            FROM partner_order_items i JOIN partner_orders o ON o.id = i.order_id JOIN partners p ON p.id = o.partner_id WHERE
            """ + " " + conditions.joined(separator: " AND ")
        return try await database.sql().raw(query).all(decoding: PaidRow.self)
    }
}
