import Fluent
import Foundation
import PartnerAdvisor
import PartnerCore
import SQLKit

/// `GET /dealers/ai/re-order-suggestion`: the SKUs a dealer is due to re-order within the horizon
/// (`ReorderSuggester`, from its own two years of orders), priced at its effective prices; the items
/// the network buys with them (`BoughtTogether`, last year's orders, pairs seen at five partners or
/// more); and the promotions that apply to the dealer now. Reads only.
struct ReorderSuggestionService {
    static let horizonRange = 1...180
    static let defaultHorizon = 30
    static let historyDays = 730.0
    static let basketDays = 365.0

    struct Item: Sendable {
        let suggestion: ReorderSuggester.Suggestion
        let name: String
        let unitPrice: Money
        let lineTotal: Money
    }

    struct Suggestions: Sendable {
        let dealerID: UUID
        let horizonDays: Int
        let items: [Item]
        let boughtTogether: [BoughtTogether.Pair]
        let promotions: [Promotion]
    }

    let database: any Database
    let pricing: PartnerPricingService
    let promotions: PromotionService
    let clock: AppClock

    func suggest(for dealer: Partner, horizonDays: Int) async throws -> Suggestions {
        let now = clock.now
        let history = try await lines(since: now.addingTimeInterval(-Self.historyDays * 86_400), partner: dealer.id).map {
            ReorderSuggester.Order(sku: $0.sku, placedAt: $0.placedAt, quantity: $0.quantity)
        }
        let prices = try await pricing.priceList(for: dealer).lines
        var bySKU: [String: PriceList.Line] = [:]
        for line in prices where bySKU[line.product.sku] == nil { bySKU[line.product.sku] = line }
        let suggestions = ReorderSuggester.suggest(
            history, packSizes: bySKU.mapValues(\.product.packSize), now: now, horizonDays: horizonDays
        ).filter { bySKU[$0.sku] != nil }
        let items = suggestions.compactMap { suggestion -> Item? in
            guard let line = bySKU[suggestion.sku] else { return nil }
            let price = line.price.unitPrice
            let (total, overflow) = price.minorUnits.multipliedReportingOverflow(by: Int64(suggestion.quantity))
            guard !overflow else { return nil }
            return Item(
                suggestion: suggestion, name: line.product.name, unitPrice: price,
                lineTotal: Money(minorUnits: total, currency: price.currency))
        }
        let baskets = try await networkBaskets(since: now.addingTimeInterval(-Self.basketDays * 86_400))
        return Suggestions(
            dealerID: dealer.id, horizonDays: horizonDays, items: items,
            boughtTogether: BoughtTogether.pairs(baskets, for: Set(items.map(\.suggestion.sku))),
            promotions: try await promotions.current(for: dealer))
    }

    /// Order lines (cancelled orders left out) since `since`, of one partner or every partner.
    func lines(since: Date, partner partnerID: UUID?) async throws -> [OrderLineRow] {
        var query: SQLQueryString =
            OrderLineRow.selectFrom
            + " WHERE o.placed_at_ms >= \(bind: PartnerOrderRecord.millis(since)) AND o.status <> \(bind: OrderStatus.cancelled.rawValue)"
        if let partnerID { query = query + " AND o.partner_id = \(bind: partnerID)" }
        return try await database.sql().raw(query).all(decoding: OrderLineRow.self)
    }

    /// Every order of the network since `since` as a basket of SKUs.
    func networkBaskets(since: Date) async throws -> [BoughtTogether.Basket] {
        var baskets: [UUID: BoughtTogether.Basket] = [:]
        for row in try await lines(since: since, partner: nil) {
            baskets[row.orderId, default: .init(partner: row.partnerId.uuidString, skus: [])].skus.insert(row.sku)
        }
        return Array(baskets.values)
    }
}
