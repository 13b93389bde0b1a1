import Fluent
import Foundation
import PartnerAdvisor
import PartnerCore
import SQLKit
import Testing

@testable import PartnerServer

/// The figures of EVALUATION.md's Partner Advisor sections, measured on the demo network. Seeding
/// and scoring the demo takes a while, so it runs only when asked:
/// `PARTNEROS_ADVISOR_EVALUATION=1 swift test --skip-build --filter AdvisorEvaluation`.
@Suite(
    "AI Partner Advisor: evaluation on the demo", .enabled(if: ProcessInfo.processInfo.environment["PARTNEROS_ADVISOR_EVALUATION"] != nil))
struct AdvisorEvaluationTests {
    struct Line: Decodable {
        let orderId: UUID
        let partnerId: UUID
        let type: String
        let tierId: UUID?
        let sku: String
        let quantity: Int
        let unitPriceMinor: Int64
        let listPriceMinor: Int64
        let placedAtMs: Int64
    }

    static func lines(on db: any Database) async throws -> [Line] {
        try await db.sql().raw(
            """
            SELECT o.id AS "orderId", o.partner_id AS "partnerId", p.type AS "type", p.tier_id AS "tierId", i.sku AS "sku", \
            i.quantity AS "quantity", i.unit_price_minor AS "unitPriceMinor", i.list_price_minor AS "listPriceMinor", \
            o.placed_at_ms AS "placedAtMs" FROM partner_order_items i JOIN partner_orders o ON o.id = i.order_id \
            JOIN partners p ON p.id = o.partner_id WHERE o.status <> 'cancelled' ORDER BY o.placed_at_ms, o.id, i.line_no
            """
        ).all(decoding: Line.self)
    }

    @Test func measuresTheAdvisorOnTheDemo() async throws {
        try await withTestApp { world in
            let started = ContinuousClock.now
            _ = try #require(try await DemoSeeder(app: world.app).seedIfEmpty())
            print("advisor-eval: demo seeded in \(ContinuousClock.now - started)")
            let db = world.app.db
            let lines = try await Self.lines(on: db)
            try await priceAnomalies(lines, world: world)
            reorderBacktest(lines, packSizes: try await packSizes(on: db), now: TestWorld.now)
            try await scoreEveryPartner(world)
        }
    }

    private func packSizes(on db: any Database) async throws -> [String: Int] {
        var sizes: [String: Int] = [:]
        for product in try await ProductRecord.query(on: db).all() { sizes[product.sku] = product.packSize }
        return sizes
    }

    /// Historical lines as they were, and moved ±20 %, checked against their context at the time.
    private func priceAnomalies(_ lines: [Line], world: TestWorld) async throws {
        let db = world.app.db
        var floors: [String: Int64] = [:]
        for (productID, guardrail) in try await world.services.guardrails.byProduct() {
            if let product = try await ProductRecord.find(productID, on: db) { floors[product.sku] = guardrail.floorPrice.minorUnits }
        }
        let tiers = Dictionary(
            try await PartnerTierRecord.query(on: db).all().compactMap { tier in tier.id.map { ($0, tier.baseDiscountBasisPoints) } },
            uniquingKeysWith: { first, _ in first })
        var groups: [String: [Line]] = [:]
        for line in lines { groups["\(line.sku)|\(line.type)|\(line.tierId?.uuidString ?? "-")", default: []].append(line) }
        var checked = 0
        var flagged = 0
        var moved = 0
        var caught = 0
        var reasons: [String: Int] = [:]
        var smaller: [Int: (moved: Int, caught: Int)] = [:]
        let year: Int64 = 365 * 86_400_000
        for group in groups.values {
            for (index, line) in group.enumerated() where index % 3 == 0 {
                let before = group[..<index]
                var peers: [UUID: [Double]] = [:]
                for other in before where other.partnerId != line.partnerId && other.placedAtMs >= line.placedAtMs - year {
                    peers[other.partnerId, default: []].append(Double(other.unitPriceMinor))
                }
                let own = before.filter { $0.partnerId == line.partnerId }.map { Double($0.unitPriceMinor) }
                let discount = line.tierId.flatMap { tiers[$0] } ?? 0
                let context = PriceContext(
                    listPrice: line.listPriceMinor, floor: floors[line.sku],
                    tierPrice: line.listPriceMinor - line.listPriceMinor * Int64(discount) / 10_000, effectivePrice: nil,
                    peerPrices: peers.values.compactMap(StandKPI.median), ownHistory: own)
                let verdict = PriceAnomalyDetector.check(unitPrice: line.unitPriceMinor, context: context)
                checked += 1
                if verdict.anomalous {
                    flagged += 1
                    for reason in verdict.reasons { reasons[reason.code, default: 0] += 1 }
                }
                for factor in [120, 80] {
                    let shifted = PriceAnomalyDetector.check(unitPrice: line.unitPriceMinor * Int64(factor) / 100, context: context)
                    moved += 1
                    if shifted.anomalous { caught += 1 }
                }
                // Smaller moves, to show where detection starts.
                for factor in [90, 95, 97, 103, 105, 110] {
                    let shifted = PriceAnomalyDetector.check(unitPrice: line.unitPriceMinor * Int64(factor) / 100, context: context)
                    smaller[factor, default: (0, 0)].moved += 1
                    if shifted.anomalous { smaller[factor, default: (0, 0)].caught += 1 }
                }
            }
        }
        print("advisor-eval: price lines checked \(checked), flagged as they were \(flagged) (\(percent(flagged, checked))) \(reasons)")
        print("advisor-eval: moved ±20 % \(moved), flagged \(caught) (recall \(percent(caught, moved)))")
        for factor in smaller.keys.sorted() {
            let entry = smaller[factor] ?? (0, 0)
            print("advisor-eval: moved to \(factor) %: flagged \(percent(entry.caught, entry.moved))")
        }
        #expect(Double(flagged) <= 0.01 * Double(checked))
        #expect(Double(caught) >= 0.9 * Double(moved))

        // Every partner's current effective prices, through the service: none may be flagged.
        var effective = 0
        var effectiveFlagged = 0
        for record in try await PartnerRecord.query(on: db).filter(\.$type == .dealer).with(\.$tier).sort(\.$id).range(0..<25).all() {
            let partner = try record.value
            let list = try await world.services.pricing.priceList(for: partner)
            let sent = list.lines.map {
                PriceAnomalyService.Line(sku: $0.product.sku, unitPrice: $0.price.unitPrice, quantity: $0.product.packSize)
            }
            let result = try await world.services.priceAnomalies.check(sent, partner: partner, excludingOrder: nil)
            effective += result.count
            effectiveFlagged += result.filter(\.verdict.anomalous).count
        }
        print("advisor-eval: current effective prices checked \(effective), flagged \(effectiveFlagged)")
        #expect(effectiveFlagged == 0)
    }

    /// Suggestions made 30 days before the demo's today against the dealers' orders since.
    private func reorderBacktest(_ lines: [Line], packSizes: [String: Int], now: Date) {
        let cutoff = now.addingTimeInterval(-30 * 86_400)
        let cutoffMs = PartnerOrderRecord.millis(cutoff)
        var byDealer: [UUID: [Line]] = [:]
        for line in lines where line.type == PartnerType.dealer.rawValue { byDealer[line.partnerId, default: []].append(line) }
        func score(_ name: String, _ suggest: ([ReorderSuggester.Order]) -> [ReorderSuggester.Suggestion]) {
            var suggested = 0
            var actual = 0
            var hits = 0
            var quantityError = 0.0
            var relativeError = 0.0
            for dealerLines in byDealer.values {
                let history = dealerLines.filter { $0.placedAtMs < cutoffMs }.map {
                    ReorderSuggester.Order(
                        sku: $0.sku, placedAt: Date(timeIntervalSince1970: Double($0.placedAtMs) / 1000), quantity: $0.quantity)
                }
                var ordered: [String: Int] = [:]
                for line in dealerLines where line.placedAtMs >= cutoffMs { ordered[line.sku, default: 0] += line.quantity }
                let suggestions = suggest(history)
                suggested += suggestions.count
                actual += ordered.count
                for suggestion in suggestions {
                    guard let quantity = ordered[suggestion.sku] else { continue }
                    hits += 1
                    quantityError += Double(abs(suggestion.quantity - quantity))
                    relativeError += Double(abs(suggestion.quantity - quantity)) / Double(max(1, quantity))
                }
            }
            print(
                "advisor-eval: re-order \(name): dealers \(byDealer.count), suggested \(suggested), ordered \(actual), hits \(hits), "
                    + "precision \(percent(hits, suggested)), recall \(percent(hits, actual)), quantity MAE "
                    + "\(String(format: "%.1f", quantityError / Double(max(1, hits)))) units, "
                    + "mean relative error \(String(format: "%.0f", 100 * relativeError / Double(max(1, hits)))) %")
        }
        score("advisor") { ReorderSuggester.suggest($0, packSizes: packSizes, now: cutoff, horizonDays: 30) }
        score("advisor, confidence ≥ 0.5") {
            ReorderSuggester.suggest($0, packSizes: packSizes, now: cutoff, horizonDays: 30).filter { $0.confidence >= 0.5 }
        }
        score("naive last order") { ReorderSuggester.naive($0, now: cutoff) }
    }

    /// Every active partner scored on all three kinds, timed, with the distribution per type.
    private func scoreEveryPartner(_ world: TestWorld) async throws {
        let partners = try await PartnerRecord.query(on: world.app.db).filter(\.$status == .active).with(\.$tier).sort(\.$id).all()
            .map { try $0.value }
        let started = ContinuousClock.now
        var scores: [String: [String: [Int]]] = [:]
        for partner in partners {
            for stored in try await world.services.advisor.generate(for: partner, kinds: [], by: nil) {
                scores[partner.type.rawValue, default: [:]][stored.insight.kind, default: []].append(stored.insight.score)
            }
        }
        let elapsed = ContinuousClock.now - started
        print("advisor-eval: scored \(partners.count) active partners (3 insights each) in \(elapsed)")
        for type in scores.keys.sorted() {
            for kind in PartnerInsightKind.allCases.map(\.rawValue) {
                let values = (scores[type]?[kind] ?? []).sorted()
                guard let first = values.first, let last = values.last else { continue }
                let levels = Dictionary(grouping: values, by: { InsightLevel(score: $0).rawValue }).mapValues(\.count)
                print(
                    "advisor-eval: \(type) \(kind): n \(values.count), min \(first), median \(values[values.count / 2]), max \(last), "
                        + "good \(levels["good"] ?? 0), watch \(levels["watch"] ?? 0), act \(levels["act"] ?? 0)")
            }
        }
    }

    private func percent(_ part: Int, _ whole: Int) -> String {
        whole == 0 ? "–" : String(format: "%.2f %%", 100 * Double(part) / Double(whole))
    }
}
