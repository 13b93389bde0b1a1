import Fluent
import Foundation
import PartnerCore

/// Two years of trade for the demo network: orders with seasonality (a Q4 gifting peak, a summer
/// dip), growing and declining partners, loyalty earned on delivery with bonuses and redemptions,
/// and the monthly performance rows that follow from them. Every line is priced as the order path
/// prices it on the day it was placed, by `DemoPricingPlan`'s terms (the promotions then running,
/// the override then in force, the tier the partner had then), and a tier also sets how often and
/// how much a partner ordered while it had it.
struct DemoOrderHistory {
    /// What one history holds, in an order that satisfies the foreign keys.
    struct Rows {
        var orders: [PartnerOrderRecord] = []
        var items: [PartnerOrderItemRecord] = []
        var ledger: [LoyaltyEntryRecord] = []
        var performance: [PartnerPerformanceRecord] = []
    }

    let now: Date
    let rules: LoyaltyRules
    /// Other seeds and a number offset give further histories beside the demo's (the scale seed).
    var seed: UInt64 = 2_024_11
    var firstNumber = 1

    /// Relative demand by calendar month, January first.
    static let seasonality: [Double] = [0.8, 0.85, 1.0, 1.0, 1.05, 0.9, 0.8, 0.75, 1.0, 1.1, 1.35, 1.4]
    static let ordersPerMonth: [String: Double] = ["bronze": 0.7, "silver": 1.3, "gold": 2.2, "platinum": 3.5]
    /// Bigger partners buy bigger baskets, so trailing revenue lands near their tier's threshold.
    static let basketScale: [String: Int] = ["bronze": 1, "silver": 2, "gold": 4, "platinum": 7]

    func seed(
        partners: [PartnerRecord], products: [ProductRecord], tiers: [UUID: PartnerTierRecord], pricing: DemoPricingPlan,
        on db: any Database
    ) async throws -> Int {
        let rows = generate(partners: partners, products: products, tiers: tiers, pricing: pricing)
        try await rows.insert(on: db)
        return rows.orders.count
    }

    /// The history of `partners`, built in memory from the seed, the pricing terms and `now` alone.
    func generate(partners: [PartnerRecord], products: [ProductRecord], tiers: [UUID: PartnerTierRecord], pricing: DemoPricingPlan) -> Rows
    {
        var random = SeededGenerator(seed: seed)
        let tierByCode = Dictionary(firstValues: tiers.values.map { ($0.code, $0) })
        let catalogue = products.filter(\.active)
        // 26 months, so the first earnings have passed their 24-month expiry and show as written off.
        let start = Month(containing: now).adding(-25)
        var orders: [PartnerOrderRecord] = []
        var items: [PartnerOrderItemRecord] = []
        var ledger: [LoyaltyEntryRecord] = []
        var performance: [PartnerPerformanceRecord] = []
        for partner in partners where partner.type.isTrade && (partner.status == .active || partner.status == .suspended) {
            guard let partnerID = partner.id else { continue }
            let terms = pricing.history(for: partner, id: partnerID, tierCode: partner.$tier.id.flatMap { tiers[$0] }?.code)
            let favourites = pricing.favourites(of: partnerID)
            func tier(at date: Date) -> PartnerTierRecord? { terms.timeline.tierCode(at: date).flatMap { tierByCode[$0] } }
            let trend = random.weighted([(0.0, 8), (0.9, 1), (-0.6, 1)])
            var lifetime = 0
            var balance = 0
            var totals: [Month: (revenue: Int64, orders: Int, loyalty: Int)] = [:]
            for (offset, month) in Month.range(start, Month(containing: now)).enumerated() {
                let rate =
                    (Self.ordersPerMonth[tier(at: month.start)?.code ?? "bronze"] ?? 0.7) * Self.seasonality[month.month - 1]
                    * max(0.1, 1 + trend * Double(offset) / 25)
                for _ in 0..<Self.poisson(rate, random: &random) {
                    let placedAt = month.start.addingTimeInterval(Double(Int.random(in: 0..<(28 * 86_400), using: &random)))
                    guard placedAt < now else { continue }
                    let order = makeOrder(
                        for: partner, at: placedAt, sequence: firstNumber + orders.count, tierCode: tier(at: placedAt)?.code,
                        catalogue: catalogue, pricing: (terms, pricing.guardrails, favourites), random: &random, items: &items)
                    orders.append(order)
                    guard order.status != .cancelled else { continue }
                    let key = Month(containing: placedAt)
                    totals[key, default: (0, 0, 0)].revenue += order.totalMinor
                    totals[key, default: (0, 0, 0)].orders += 1
                    guard let delivered = order.deliveredAt else { continue }
                    // As the order path earns on delivery: the tier then, and the best points promotion then running.
                    let points = rules.points(
                        for: Money(minorUnits: order.totalMinor, currency: .eur),
                        tierMultiplierMilli: tier(at: delivered)?.loyaltyMultiplierMilli ?? 1_000,
                        promotionMultiplierMilli: terms.promotions(at: delivered).compactMap(\.pointsMultiplierMilli).max() ?? 1_000)
                    ledger.append(
                        LoyaltyEntryRecord(
                            partnerID: partnerID, kind: .earn, points: points, occurredAt: delivered,
                            expiresAt: rules.expiry(of: delivered),
                            key: "earn:order:\(order.id!.apiString)", reference: "order:\(order.number)"))
                    for crossed in rules.bonusesCrossed(from: lifetime, to: lifetime + points) {
                        ledger.append(
                            LoyaltyEntryRecord(
                                partnerID: partnerID, kind: .bonus, points: crossed.bonus, occurredAt: delivered,
                                expiresAt: rules.expiry(of: delivered), key: "bonus:lifetime:\(crossed.threshold)",
                                note: "Lifetime \(crossed.threshold) points reached"))
                        totals[Month(containing: delivered), default: (0, 0, 0)].loyalty += crossed.bonus
                    }
                    lifetime += points
                    balance += points + rules.bonusesCrossed(from: lifetime - points, to: lifetime).reduce(0) { $0 + $1.bonus }
                    totals[Month(containing: delivered), default: (0, 0, 0)].loyalty += points
                }
                // Twice a year some partners spend part of what they hold.
                if month.month == 6 || month.month == 12, lifetime > 500, Bool.random(using: &random) {
                    let spend = balance * 3 / 10
                    if spend > 0 {
                        balance -= spend
                        ledger.append(
                            LoyaltyEntryRecord(
                                partnerID: partnerID, kind: .redeem, points: -spend,
                                occurredAt: month.start.addingTimeInterval(27 * 86_400),
                                expiresAt: nil, key: "redeem:demo:\(month)", note: "Display materials"))
                    }
                }
            }
            for (month, total) in totals {
                let row = PartnerPerformanceRecord()
                row.$partner.id = partnerID
                row.month = month.description
                row.currency = "EUR"
                row.revenueMinor = total.revenue
                row.orders = total.orders
                row.loyaltyEarned = total.loyalty
                row.updatedAt = now
                performance.append(row)
            }
        }
        let booked = ledger.filter { $0.occurredAt <= now }
        for entry in booked { entry.id = UUID(using: &random) }
        let expired = expiries(of: booked)
        for entry in expired { entry.id = UUID(using: &random) }
        for row in performance { row.id = UUID(using: &random) }
        // Line ids from a generator of their own, so they do not shift the history's draws.
        var lineIDs = SeededGenerator(seed: seed &+ 1)
        for item in items { item.id = UUID(using: &lineIDs) }
        return Rows(orders: orders, items: items, ledger: booked + expired, performance: performance)
    }

    /// Write-offs of lots past their expiry, as `LoyaltyService` books them (FIFO, dated at expiry).
    private func expiries(of entries: [LoyaltyEntryRecord]) -> [LoyaltyEntryRecord] {
        // Partner by partner in id order, so the write-offs (and the ids drawn for them) repeat.
        Dictionary(grouping: entries, by: { $0.$partner.id }).sorted { $0.key.uuidString < $1.key.uuidString }.flatMap {
            partnerID, records in
            LoyaltyLedger(entries: records.map(\.entry)).dueExpiries(at: now).map { lot in
                LoyaltyEntryRecord(
                    partnerID: partnerID, kind: .expire, points: -lot.remaining, occurredAt: lot.expiresAt ?? now, expiresAt: nil,
                    key: "expire:\(lot.entryID.apiString)", note: "Points expired")
            }
        }
    }

    private func makeOrder(
        for partner: PartnerRecord, at placedAt: Date, sequence: Int, tierCode: String?, catalogue: [ProductRecord],
        pricing: (terms: PartnerPricingHistory, guardrails: [UUID: Guardrail], favourites: [String]), random: inout SeededGenerator,
        items: inout [PartnerOrderItemRecord]
    ) -> PartnerOrderRecord {
        let order = PartnerOrderRecord()
        order.id = UUID(using: &random)
        // The running sequence makes numbers unique by construction, whatever day the demo is seeded.
        order.number =
            "PO-\(CalendarDay.format(placedAt).replacingOccurrences(of: "-", with: "").dropFirst(2))-D\(String(format: "%06d", sequence))"
        order.$partner.id = partner.id!
        order.channel = random.weighted([("portal", 5), ("sales", 3), ("api", 2)])
        order.currency = "EUR"
        order.placedBy = partner.id!
        order.place(at: placedAt)
        let age = now.timeIntervalSince(placedAt) / 86_400
        if age > 14 {
            order.status = random.weighted([(.delivered, 97), (.cancelled, 3)])
        } else {
            order.status = random.weighted([(.submitted, 2), (.confirmed, 2), (.shipped, 2), (.delivered, 1)])
        }
        // Typical lead times: confirmed within a day, shipped in three, delivered in six.
        let steps: [(status: OrderStatus, hours: Double)] = [(.confirmed, 20), (.shipped, 70), (.delivered, 140)]
        if let reached = steps.firstIndex(where: { $0.status == order.status }) {
            for step in steps[...reached] { order.stamp(step.status, at: min(now, placedAt.addingTimeInterval(step.hours * 3_600))) }
        }
        if order.status == .cancelled { order.cancelledAt = placedAt.addingTimeInterval(6 * 3_600) }
        var subtotal: Int64 = 0
        var total: Int64 = 0
        var basket = Array(catalogue.shuffled(using: &random).prefix(Int.random(in: 1...5, using: &random)))
        // Half the orders of a partner with negotiated prices include one of those SKUs.
        if let sku = pricing.favourites.randomElement(using: &random), Bool.random(using: &random),
            !basket.contains(where: { $0.sku == sku }),
            let favourite = catalogue.first(where: { $0.sku == sku })
        {
            basket[basket.count - 1] = favourite
        }
        for (index, product) in basket.enumerated() {
            let quantity = product.packSize * Int.random(in: 1...4, using: &random) * (Self.basketScale[tierCode ?? "bronze"] ?? 1)
            let price = pricing.terms.price(product.definition, guardrail: product.id.flatMap { pricing.guardrails[$0] }, at: placedAt)
            let item = PartnerOrderItemRecord()
            item.$order.id = order.id!
            item.$product.id = product.id!
            item.lineNumber = index + 1
            item.sku = product.sku
            item.name = product.name
            item.quantity = quantity
            item.listPriceMinor = product.listPriceMinor
            item.unitPriceMinor = price.unitPrice.minorUnits
            item.priceSource = price.source
            item.lineTotalMinor = price.unitPrice.minorUnits * Int64(quantity)
            subtotal += product.listPriceMinor * Int64(quantity)
            total += item.lineTotalMinor
            items.append(item)
        }
        order.subtotalMinor = subtotal
        order.totalMinor = total
        order.updatedAt = order.deliveredAt ?? order.shippedAt ?? order.confirmedAt ?? placedAt
        return order
    }

    /// Knuth's Poisson sampler; fine for the small rates used here.
    static func poisson(_ rate: Double, random: inout SeededGenerator) -> Int {
        let limit = exp(-rate)
        var product = Double.random(in: 0..<1, using: &random)
        var count = 0
        while product > limit {
            count += 1
            product *= Double.random(in: 0..<1, using: &random)
        }
        return count
    }
}
