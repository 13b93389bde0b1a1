import Foundation
import PartnerCore

/// The pricing terms the demo's orders were placed under: promotions over the two years (seasonal,
/// tier and partner campaigns; those past are archived), partner overrides that start part-way
/// through the history (some ended, some replaced by another price), and tier changes (orders before
/// a change are priced at the old tier). `DemoOrderHistory` prices every line through
/// `PartnerPricingHistory` from these terms, and the seed stores them as the live paths do —
/// promotions, pricing versions, today's overrides and tiers — so the price-anomaly check rebuilds
/// the same terms from the records.
struct DemoPricingPlan {
    /// Every promotion of the demo, drafts and archived ones included.
    var promotions: [Promotion] = []
    /// Each partner's pricing versions (tier and override changes), oldest first.
    var versions: [UUID: [PricingVersion]] = [:]
    /// Each partner's overrides as they stand today, by SKU.
    var overrides: [UUID: [String: PriceOverride]] = [:]
    /// Guardrails by product id; the engine never prices below their floors.
    var guardrails: [UUID: Guardrail] = [:]
    /// Each tier's discount by code.
    var tierDiscounts: [String: Int] = [:]

    /// Share of trade partners (percent) whose tier changed during the history, and who negotiated
    /// overrides.
    static let tierChangeShare = 15
    static let overrideShare = 25

    /// The terms `partner` (now at `tierCode`) ordered under.
    func history(for partner: PartnerRecord, id: UUID, tierCode: String?) -> PartnerPricingHistory {
        PartnerPricingHistory(
            partnerID: id, type: partner.type, region: partner.region,
            timeline: PricingTimeline(tierCode: tierCode, overrides: overrides[id] ?? [:], versions: versions[id] ?? []),
            tierDiscounts: tierDiscounts, promotions: promotions)
    }

    /// The SKUs a partner negotiated a price for at some time: it buys them more often than others.
    func favourites(of partnerID: UUID) -> [String] {
        let changed = (versions[partnerID] ?? []).flatMap(\.changes).compactMap(\.overrideSKU)
        return Set(changed).union((overrides[partnerID] ?? [:]).keys).sorted()
    }

    /// The demo's terms for `partners` over the 26 months of history ending at `now`, from the seed.
    static func make(
        partners: [PartnerRecord], products: [ProductRecord], guardrails: [UUID: Guardrail], tiers: [PartnerTierRecord], now: Date,
        changedBy: UUID, seed: UInt64 = 5_150
    ) -> DemoPricingPlan {
        var random = SeededGenerator(seed: seed)
        let today = CalendarDay.startOfDay(now)
        let span = Int(today.timeIntervalSince(Month(containing: now).adding(-25).start) / 86_400)
        var plan = DemoPricingPlan(
            guardrails: guardrails, tierDiscounts: Dictionary(firstValues: tiers.map { ($0.code, $0.baseDiscountBasisPoints) }))
        let trade = partners.filter { $0.type.isTrade && ($0.status == .active || $0.status == .suspended) && $0.id != nil }
        let reactivated = trade.filter { _ in Int.random(in: 0..<40, using: &random) == 0 }.compactMap(\.id)
        plan.promotions = DemoPromotions(today: today).all(reactivating: Set(reactivated), random: &random)
        let catalogue = products.filter(\.active)
        let tierByID = Dictionary(firstValues: tiers.compactMap { tier in tier.id.map { ($0, tier) } })
        for partner in trade {
            guard let id = partner.id else { continue }
            var changes: [(at: Date, reason: String, entry: PricingChangeEntry)] = []
            let current = partner.$tier.id.flatMap { tierByID[$0] }
            if Int.random(in: 0..<100, using: &random) < tierChangeShare, let current,
                let previous = previousTier(of: current, for: partner.type, among: tiers, random: &random)
            {
                let day = today.addingTimeInterval(Double(-Int.random(in: 30...(span - 60), using: &random)) * 86_400)
                let reason =
                    previous.rank < current.rank ? "Tier review: trailing revenue above the threshold" : "Tier review: revenue fell"
                changes.append(
                    (
                        day.addingTimeInterval(9 * 3_600), reason,
                        .init(field: PricingChangeEntry.tierField, previous: previous.code, current: current.code)
                    ))
            }
            if Int.random(in: 0..<100, using: &random) < overrideShare {
                for product in catalogue.shuffled(using: &random).prefix(Int.random(in: 1...3, using: &random)) {
                    changes += overrideChanges(
                        of: product, guardrail: product.id.flatMap { guardrails[$0] }, today: today, span: span, random: &random)
                }
            }
            guard !changes.isEmpty else { continue }
            let ordered = changes.sorted { ($0.at, $0.entry.field) < ($1.at, $1.entry.field) }
            plan.versions[id] = ordered.enumerated().map { index, change in
                PricingVersion(
                    version: index + 1, changedBy: changedBy, changedAt: change.at, reason: change.reason, changes: [change.entry])
            }
            for change in ordered {
                guard let sku = change.entry.overrideSKU else { continue }
                plan.overrides[id, default: [:]][sku] = change.entry.current.flatMap { PriceOverride(sku: sku, summary: $0) }
            }
        }
        return plan
    }

    /// The tier a partner had before it reached `current`: one rank below (promoted) or above
    /// (demoted), whichever exists, promotions more often.
    private static func previousTier(
        of current: PartnerTierRecord, for type: PartnerType, among tiers: [PartnerTierRecord], random: inout SeededGenerator
    ) -> PartnerTierRecord? {
        let ladder = tiers.filter { $0.definition.applies(to: type) }
        let below = ladder.filter { $0.rank == current.rank - 1 }.first
        let above = ladder.filter { $0.rank == current.rank + 1 }.first
        return Int.random(in: 0..<5, using: &random) < 3 ? below ?? above : above ?? below
    }

    /// A negotiated price for one SKU from some day in the history: a discount off list or a fixed
    /// unit price, sometimes ending after a few months, sometimes replaced later by a deeper one. Prices
    /// the guardrails refuse are left out, as the pricing API refuses them.
    private static func overrideChanges(
        of product: ProductRecord, guardrail: Guardrail?, today: Date, span: Int, random: inout SeededGenerator
    ) -> [(at: Date, reason: String, entry: PricingChangeEntry)] {
        func day(_ offset: Int) -> Date { today.addingTimeInterval(Double(offset) * 86_400) }
        func allowed(_ override: PriceOverride) -> Bool {
            override.violations(listPrice: product.listPrice, unitCost: product.unitCost, guardrail: guardrail, prefix: "").isEmpty
        }
        let start = -Int.random(in: 20...(span - 30), using: &random)
        var first = PriceOverride(sku: product.sku, kind: .discount(basisPoints: Int.random(in: 18...30, using: &random) * 100))
        if Bool.random(using: &random) {
            let share = Double(Int.random(in: 70...82, using: &random)) / 100
            let price = Int64((Double(product.listPriceMinor) * share / 10).rounded()) * 10
            first.kind = .unitPrice(Money(minorUnits: price, currency: product.listPrice.currency))
        }
        first.validFrom = day(start)
        let ends = Int.random(in: 0..<10, using: &random) < 3
        if ends { first.validTo = day(start + Int.random(in: 60...180, using: &random)) }
        guard allowed(first) else { return [] }
        let field = PricingChangeEntry.overrideField(sku: product.sku)
        let agreed = day(start - Int.random(in: 1...10, using: &random)).addingTimeInterval(10 * 3_600)
        var changes = [
            (agreed, "Negotiated price for \(product.sku)", PricingChangeEntry(field: field, previous: nil, current: first.summary))
        ]
        let later = start + Int.random(in: 120...300, using: &random)
        if !ends, Int.random(in: 0..<4, using: &random) == 0, later < -10 {
            let deeper = PriceOverride(
                sku: product.sku, kind: .discount(basisPoints: Int.random(in: 25...32, using: &random) * 100), validFrom: day(later))
            if allowed(deeper) {
                changes.append(
                    (
                        day(later).addingTimeInterval(8 * 3_600), "Renegotiated \(product.sku)",
                        PricingChangeEntry(field: field, previous: first.summary, current: deeper.summary)
                    ))
            }
        }
        return changes
    }
}
