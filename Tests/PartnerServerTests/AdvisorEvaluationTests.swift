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
        let priceSource: String

        var placedAt: Date { Date(timeIntervalSince1970: Double(placedAtMs) / 1_000) }
    }

    static func lines(on db: any Database) async throws -> [Line] {
        try await db.sql().raw(
            """
            SELECT o.id AS "orderId", o.partner_id AS "partnerId", p.type AS "type", p.tier_id AS "tierId", i.sku AS "sku", \
            i.quantity AS "quantity", i.unit_price_minor AS "unitPriceMinor", i.list_price_minor AS "listPriceMinor", \
            o.placed_at_ms AS "placedAtMs", i.price_source AS "priceSource" FROM partner_order_items i JOIN partner_orders o ON o.id = i.order_id \
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
            let packSizes = try await packSizes(on: db)
            reorderBacktest(lines, packSizes: packSizes, now: TestWorld.now)
            // Basket sizes follow the tier, so a dealer whose tier changed orders differently part-way.
            let changed = try await PricingHistoryReader(database: db).histories(ofType: .dealer).values.filter {
                $0.timeline.tierCode(at: .distantPast) != $0.timeline.tierCode
            }
            reorderBacktest(lines, packSizes: packSizes, now: TestWorld.now, excluding: Set(changed.map(\.partnerID)))
            try await scoreEveryPartner(world)
        }
    }

    private func packSizes(on db: any Database) async throws -> [String: Int] {
        var sizes: [String: Int] = [:]
        for product in try await ProductRecord.query(on: db).all() { sizes[product.sku] = product.packSize }
        return sizes
    }

    /// Suggestions made 30 days before the demo's today against the dealers' orders since (the
    /// dealers in `excluding` left out).
    private func reorderBacktest(_ lines: [Line], packSizes: [String: Int], now: Date, excluding: Set<UUID> = []) {
        let cutoff = now.addingTimeInterval(-30 * 86_400)
        let cutoffMs = PartnerOrderRecord.millis(cutoff)
        var byDealer: [UUID: [Line]] = [:]
        for line in lines where line.type == PartnerType.dealer.rawValue && !excluding.contains(line.partnerId) {
            byDealer[line.partnerId, default: []].append(line)
        }
        if !excluding.isEmpty { print("advisor-eval: re-order without the \(excluding.count) dealers whose tier changed:") }
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

    func percent(_ part: Int, _ whole: Int) -> String {
        whole == 0 ? "–" : String(format: "%.2f %%", 100 * Double(part) / Double(whole))
    }
}
