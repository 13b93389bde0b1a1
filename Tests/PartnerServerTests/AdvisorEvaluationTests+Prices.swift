import Fluent
import Foundation
import PartnerAdvisor
import PartnerCore
import Testing

@testable import PartnerServer

/// EVALUATION.md §7: the demo's historical order lines, as they were and with their prices moved.
extension AdvisorEvaluationTests {
    /// Moves of the price, in percent of what was paid: ±20 % first (the target), then smaller and
    /// larger ones to show where detection starts.
    static let factors = [120, 80, 90, 95, 97, 103, 105, 110]

    /// Every third order (by placement) is checked through `PriceAnomalyService` on the terms of the
    /// day it was placed — the path of `POST /partners/ai/price-anomaly {orderId}` — with each line as
    /// it was and moved by each factor. Then the same lines judged without those terms (today's tier,
    /// peers and own prices as paid: the detector before terms were kept), and every dealer's current
    /// effective prices.
    func priceAnomalies(_ lines: [Line], world: TestWorld) async throws {
        let db = world.app.db
        let partners = Dictionary(
            uniqueKeysWithValues: try await PartnerRecord.query(on: db).with(\.$tier).all().map { (try $0.requireID(), try $0.value) })
        var histories: [UUID: PartnerPricingHistory] = [:]
        for type in PartnerType.allCases where type.isTrade {
            histories.merge(try await PricingHistoryReader(database: db).histories(ofType: type)) { first, _ in first }
        }
        let orders = Dictionary(grouping: lines, by: \.orderId).values.sorted {
            ($0[0].placedAtMs, $0[0].orderId.uuidString) < ($1[0].placedAtMs, $1[0].orderId.uuidString)
        }
        let sampled = Set(orders.enumerated().filter { $0.offset % 3 == 0 }.map(\.element[0].orderId))
        var asWere: [String: (checked: Int, flagged: Int)] = [:]
        var reasons: [String: Int] = [:]
        var moved: [Int: (moved: Int, caught: Int)] = [:]
        let started = ContinuousClock.now
        for order in orders where sampled.contains(order[0].orderId) {
            let partner = try #require(partners[order[0].partnerId])
            let history = try #require(histories[partner.id])
            var sent: [PriceAnomalyService.Line] = []
            for line in order {
                for factor in [100] + Self.factors {
                    sent.append(
                        .init(
                            sku: line.sku, unitPrice: Money(minorUnits: line.unitPriceMinor * Int64(factor) / 100, currency: .eur),
                            quantity: line.quantity, listPrice: Money(minorUnits: line.listPriceMinor, currency: .eur)))
                }
            }
            let checked = try await world.services.priceAnomalies.check(
                sent, partner: partner, placedAt: order[0].placedAt, excludingOrder: order[0].orderId)
            for (index, line) in order.enumerated() {
                let verdicts = checked[(index * (Self.factors.count + 1))...].prefix(Self.factors.count + 1).map(\.verdict)
                let kind = Self.kind(of: line, history: history)
                asWere[kind, default: (0, 0)].checked += 1
                if verdicts[0].anomalous {
                    asWere[kind, default: (0, 0)].flagged += 1
                    for reason in verdicts[0].reasons { reasons[reason.code, default: 0] += 1 }
                }
                for (factor, verdict) in zip(Self.factors, verdicts.dropFirst()) {
                    moved[factor, default: (0, 0)].moved += 1
                    if verdict.anomalous { moved[factor, default: (0, 0)].caught += 1 }
                }
            }
        }
        let checked = asWere.values.reduce(0) { $0 + $1.checked }
        let flagged = asWere.values.reduce(0) { $0 + $1.flagged }
        print("advisor-eval: \(sampled.count) orders checked on their day's terms in \(ContinuousClock.now - started)")
        print("advisor-eval: price lines checked \(checked), flagged as they were \(flagged) (\(percent(flagged, checked))) \(reasons)")
        printByKind(asWere)
        let caught = (moved[120]?.caught ?? 0) + (moved[80]?.caught ?? 0)
        let total = (moved[120]?.moved ?? 0) + (moved[80]?.moved ?? 0)
        print("advisor-eval: moved ±20 % \(total), flagged \(caught) (recall \(percent(caught, total)))")
        for factor in Self.factors.sorted() {
            let entry = moved[factor] ?? (0, 0)
            print("advisor-eval: moved to \(factor) %: flagged \(percent(entry.caught, entry.moved))")
        }
        #expect(Double(flagged) <= 0.01 * Double(checked))
        #expect(Double(caught) >= 0.9 * Double(total))

        try await judgedWithoutTerms(lines, sampled: sampled, histories: histories, world: world)
        try await currentEffectivePrices(world)
    }

    private func printByKind(_ asWere: [String: (checked: Int, flagged: Int)]) {
        for kind in asWere.keys.sorted() {
            let entry = asWere[kind] ?? (0, 0)
            print("advisor-eval:   \(kind) lines \(entry.checked), flagged \(entry.flagged) (\(percent(entry.flagged, entry.checked)))")
        }
    }

    /// What priced a line: `promotion`, `override`, `list`, `tier`, or `old tier` for a tier price
    /// charged before the partner's tier changed to today's.
    static func kind(of line: Line, history: PartnerPricingHistory?) -> String {
        guard line.priceSource == "tier", let history, history.timeline.tierCode(at: line.placedAt) != history.timeline.tierCode else {
            return line.priceSource
        }
        return "old tier"
    }

    /// The sampled lines judged as the detector did before it kept terms: today's tier price as the
    /// band, peers of today's type and tier and the partner's own prices as paid.
    private func judgedWithoutTerms(_ lines: [Line], sampled: Set<UUID>, histories: [UUID: PartnerPricingHistory], world: TestWorld)
        async throws
    {
        let db = world.app.db
        var floors: [String: Int64] = [:]
        for (productID, guardrail) in try await world.services.guardrails.byProduct() {
            if let product = try await ProductRecord.find(productID, on: db) { floors[product.sku] = guardrail.floorPrice.minorUnits }
        }
        let tiers = Dictionary(
            try await PartnerTierRecord.query(on: db).all().compactMap { tier in tier.id.map { ($0, tier.baseDiscountBasisPoints) } },
            uniquingKeysWith: { first, _ in first })
        let groups = Dictionary(grouping: lines, by: { "\($0.sku)|\($0.type)|\($0.tierId?.uuidString ?? "-")" })
        var asWere: [String: (checked: Int, flagged: Int)] = [:]
        var reasons: [String: Int] = [:]
        var moved = 0
        var caught = 0
        let year: Int64 = 365 * 86_400_000
        for group in groups.values {
            for (index, line) in group.enumerated() where sampled.contains(line.orderId) {
                let before = group[..<index].filter { $0.orderId != line.orderId }
                var peers: [UUID: [Double]] = [:]
                for other in before where other.partnerId != line.partnerId && other.placedAtMs >= line.placedAtMs - year {
                    peers[other.partnerId, default: []].append(Double(other.unitPriceMinor))
                }
                let discount = line.tierId.flatMap { tiers[$0] } ?? 0
                let context = PriceContext(
                    listPrice: line.listPriceMinor, floor: floors[line.sku],
                    tierPrice: Percent.discounted(Money(minorUnits: line.listPriceMinor, currency: .eur), by: discount).minorUnits,
                    effectivePrice: nil, peerPrices: peers.values.compactMap(StandKPI.median),
                    ownHistory: before.filter { $0.partnerId == line.partnerId }.map { Double($0.unitPriceMinor) })
                let kind = Self.kind(of: line, history: histories[line.partnerId])
                let verdict = PriceAnomalyDetector.check(unitPrice: line.unitPriceMinor, context: context)
                asWere[kind, default: (0, 0)].checked += 1
                if verdict.anomalous {
                    asWere[kind, default: (0, 0)].flagged += 1
                    for reason in verdict.reasons { reasons[reason.code, default: 0] += 1 }
                }
                for factor in [120, 80] {
                    moved += 1
                    if PriceAnomalyDetector.check(unitPrice: line.unitPriceMinor * Int64(factor) / 100, context: context).anomalous {
                        caught += 1
                    }
                }
            }
        }
        let checked = asWere.values.reduce(0) { $0 + $1.checked }
        let flagged = asWere.values.reduce(0) { $0 + $1.flagged }
        print(
            "advisor-eval: without the day's terms: lines \(checked), flagged as they were \(flagged) (\(percent(flagged, checked))) "
                + "\(reasons), ±20 % recall \(percent(caught, moved))")
        printByKind(asWere)
    }

    /// Every dealer's current effective prices through the service: none may be flagged.
    private func currentEffectivePrices(_ world: TestWorld) async throws {
        var effective = 0
        var effectiveFlagged = 0
        var dealers = 0
        for record in try await PartnerRecord.query(on: world.app.db).filter(\.$type == .dealer).with(\.$tier).sort(\.$id).all() {
            let partner = try record.value
            let list = try await world.services.pricing.priceList(for: partner)
            let sent = list.lines.map {
                PriceAnomalyService.Line(sku: $0.product.sku, unitPrice: $0.price.unitPrice, quantity: $0.product.packSize)
            }
            let result = try await world.services.priceAnomalies.check(sent, partner: partner, excludingOrder: nil)
            dealers += 1
            effective += result.count
            effectiveFlagged += result.filter(\.verdict.anomalous).count
        }
        print("advisor-eval: current effective prices of \(dealers) dealers checked \(effective), flagged \(effectiveFlagged)")
        #expect(effectiveFlagged == 0)
    }
}
