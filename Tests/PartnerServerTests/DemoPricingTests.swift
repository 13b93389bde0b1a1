import Fluent
import Foundation
import PartnerCore
import SQLKit
import Testing

@testable import PartnerServer

/// The demo's order history carries promotions, overrides and tier changes, priced as the order path
/// prices them, and the records it stores rebuild exactly those terms.
@Suite("Demo pricing history")
struct DemoPricingTests {
    struct Inputs {
        var partners: [PartnerRecord]
        var products: [ProductRecord]
        var guardrails: [UUID: Guardrail] = [:]
        var tiers: [PartnerTierRecord]
    }

    /// The demo's partners, catalogue and tiers without a database.
    static func inputs() -> Inputs {
        var random = SeededGenerator(seed: 40_404)
        var ids = SeededGenerator(seed: 1)
        var guardrails: [UUID: Guardrail] = [:]
        let products = DemoCatalog.products(random: &random).map { definition, guardrail in
            let product = ProductRecord(definition)
            product.id = UUID(using: &ids)
            guardrails[product.id!] = guardrail
            return product
        }
        let tiers = TierDefinition.defaults.map { definition in
            let tier = PartnerTierRecord(definition)
            tier.id = UUID(using: &ids)
            return tier
        }
        let tierIDs = Dictionary(uniqueKeysWithValues: tiers.map { ($0.code, $0.id!) })
        let partners = DemoPartnerFactory().make().map {
            PartnerRecord(id: $0.id, profile: $0.profile, status: $0.status, tierID: tierIDs[$0.tierCode])
        }
        return Inputs(partners: partners, products: products, guardrails: guardrails, tiers: tiers)
    }

    static func plan(_ inputs: Inputs) -> DemoPricingPlan {
        DemoPricingPlan.make(
            partners: inputs.partners, products: inputs.products, guardrails: inputs.guardrails, tiers: inputs.tiers, now: TestWorld.now,
            changedBy: UUID(uuidString: "00000000-0000-0000-0000-000000000001")!)
    }

    @Test func thePlanAndItsHistoryAreDeterministicAndVaried() throws {
        let inputs = Self.inputs()
        let plan = Self.plan(inputs)
        let again = Self.plan(inputs)
        #expect(plan.promotions == again.promotions && plan.versions == again.versions && plan.overrides == again.overrides)
        let statuses = Dictionary(grouping: plan.promotions, by: \.status).mapValues(\.count)
        #expect(statuses[.archived, default: 0] >= 8 && statuses[.published, default: 0] >= 3 && statuses[.draft] == 1)
        let changes = plan.versions.values.flatMap { $0.flatMap(\.changes) }
        #expect(changes.filter { $0.field == PricingChangeEntry.tierField }.count >= 15)
        #expect(Set(changes.compactMap(\.overrideSKU)).count >= 20)
        #expect(changes.contains { $0.overrideSKU != nil && $0.previous != nil })

        let tiers = Dictionary(uniqueKeysWithValues: inputs.tiers.map { ($0.id!, $0) })
        let history = DemoOrderHistory(now: TestWorld.now, rules: LoyaltyRules())
        let rows = history.generate(partners: inputs.partners, products: inputs.products, tiers: tiers, pricing: plan)
        let second = history.generate(partners: inputs.partners, products: inputs.products, tiers: tiers, pricing: again)
        #expect(rows.orders.map(\.number) == second.orders.map(\.number))
        #expect(rows.items.map(\.unitPriceMinor) == second.items.map(\.unitPriceMinor))
        #expect(rows.ledger.map(\.points) == second.ledger.map(\.points))
        let sources = Dictionary(grouping: rows.items, by: \.priceSource).mapValues(\.count)
        #expect(sources[.promotion, default: 0] > rows.items.count / 50)
        #expect(sources[.override, default: 0] > rows.items.count / 100)
        #expect(sources[.tier, default: 0] > rows.items.count / 2)
    }

    @Test func theStoredTermsPriceEveryLineAsItWasCharged() async throws {
        try await withTestApp { world in
            _ = try #require(try await DemoSeeder(app: world.app).seedIfEmpty())
            let db = world.app.db
            let products = Dictionary(uniqueKeysWithValues: try await ProductRecord.query(on: db).all().map { ($0.sku, $0) })
            let guardrails = try await world.services.guardrails.byProduct()
            var histories: [UUID: PartnerPricingHistory] = [:]
            for type in PartnerType.allCases where type.isTrade {
                histories.merge(try await PricingHistoryReader(database: db).histories(ofType: type)) { first, _ in first }
            }
            // Every non-cancelled line (a cancelled order was priced the same way).
            let lines = try await AdvisorEvaluationTests.lines(on: db)
            var mismatches: [String] = []
            var sources: [String: Int] = [:]
            var beforeTierChange = 0
            for line in lines {
                let history = try #require(histories[line.partnerId])
                let product = try #require(products[line.sku])
                var definition = product.definition
                definition.listPrice = Money(minorUnits: line.listPriceMinor, currency: .eur)
                let placedAt = line.placedAt
                let price = history.price(definition, guardrail: product.id.flatMap { guardrails[$0] }, at: placedAt)
                if price.unitPrice.minorUnits != line.unitPriceMinor || price.source.rawValue != line.priceSource {
                    mismatches.append(
                        "\(line.sku) at \(placedAt): \(line.unitPriceMinor) \(line.priceSource), rebuilt \(price.unitPrice) \(price.source)"
                    )
                }
                sources[line.priceSource, default: 0] += 1
                if history.timeline.tierCode(at: placedAt) != history.timeline.tierCode { beforeTierChange += 1 }
            }
            #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
            #expect(sources["promotion", default: 0] > 0 && sources["override", default: 0] > 0)
            #expect(beforeTierChange > lines.count / 50)
            #expect(try await PromotionRecord.query(on: db).filter(\.$status == .archived).count() >= 8)
        }
    }
}
