import Fluent
import Foundation
import PartnerCore
import SQLKit
import Vapor

/// `seed --scale N`: the demo network grown to N partners for benchmarks — the demo first, then
/// N − 240 more partners of every type with two years of orders (N = 10,000 gives about a million
/// order lines), and enough stand partners (at least 100, one per hundred partners) with more than
/// a year of daily sales each. Deterministic: the same N and clock give the same network.
struct ScaleSeeder {
    struct Report: Sendable {
        var partners = 0
        var orders = 0
        var orderLines = 0
        var stands = 0
        var standSales = 0
    }

    /// Partner types of the added partners, as weights; stands are sized separately.
    static let mix: [(PartnerType, Int)] = [(.dealer, 30), (.distributor, 8), (.salon, 35), (.whiteLabel, 7), (.affiliate, 20)]
    /// Partners whose orders are generated and written per transaction, bounding memory.
    static let batch = 500

    let app: Application

    func seed(partners total: Int) async throws -> Report {
        _ = try await DemoSeeder(app: app).seedIfEmpty()
        let existing = try await PartnerRecord.query(on: app.db).count()
        let existingStands = try await StandPartnerRecord.query(on: app.db).count()
        let stands = max(0, max(100, total / 100) - existingStands)
        let trade = max(0, total - existing - stands)
        var counts = Self.distribute(trade, over: Self.mix)
        counts.append((.stand, stands))
        let generated = DemoPartnerFactory(counts: counts).make(seed: 7_000_000 + UInt64(total))
        let records = generated.enumerated().map { index, entry in Self.record(entry, sequence: existing + index + 1) }
        let tiers = try await PartnerTierRecord.query(on: app.db).all()
        let tierByCode = Dictionary(firstValues: tiers.map { ($0.code, $0) })
        for (record, entry) in zip(records, generated) { record.$tier.id = tierByCode[entry.tierCode]?.id }
        let now = app.partnerOS.clock.now
        try await app.partnerOS.writes.transaction(on: app.db) { db in try await Self.insert(records, at: now, on: db) }

        var report = Report(partners: existing + records.count)
        let products = try await ProductRecord.query(on: app.db).sort(\.$sku).all()
        let tiersByID = Dictionary(firstValues: tiers.map { ($0.id ?? UUID(), $0) })
        let pricing = try await DemoPricingPlan.stored(tiers: tiers, guardrails: try await app.partnerOS.guardrails.byProduct(), on: app.db)
        var start = 0
        while start < records.count {
            let slice = Array(records[start..<min(records.count, start + Self.batch)])
            let history = DemoOrderHistory(
                now: now, rules: app.partnerOS.configuration.loyaltyRules, seed: 9_000_000 + UInt64(start),
                firstNumber: 1_000_000 + report.orders)
            let rows = history.generate(partners: slice, products: products, tiers: tiersByID, pricing: pricing)
            try await app.partnerOS.writes.transaction(on: app.db) { db in try await rows.insert(on: db) }
            report.orders += rows.orders.count
            report.orderLines += rows.items.count
            start += Self.batch
        }
        let added = try await DemoSeeder(app: app).seedStands(now: now, seed: 31_000_000 + UInt64(total), locationSeed: 3_000_000)
        report.stands = existingStands + added.stands
        report.standSales = added.sales
        _ = try await DemoSeeder(app: app).closeStandMonths(before: now)
        return report
    }

    /// `total` split over `weights`, the remainder to the largest.
    static func distribute(_ total: Int, over weights: [(PartnerType, Int)]) -> [(PartnerType, Int)] {
        let sum = weights.reduce(0) { $0 + $1.1 }
        guard sum > 0 else { return [] }
        var counts = weights.map { ($0.0, total * $0.1 / sum) }
        let rest = total - counts.reduce(0) { $0 + $1.1 }
        if rest > 0, let largest = counts.indices.max(by: { counts[$0].1 < counts[$1].1 }) { counts[largest].1 += rest }
        return counts
    }

    /// The factory's partner, made unique beside the demo's: numbered names and tax ids, and
    /// active (a benchmark network trades).
    private static func record(_ entry: DemoPartnerFactory.Partner, sequence: Int) -> PartnerRecord {
        var profile = entry.profile
        profile.companyName += " \(sequence)"
        profile.taxId = profile.taxId.map { _ in "\(profile.country)S\(String(format: "%09d", sequence))" }
        // Stands all trade (the benchmark spreads sales over them); a few others are suspended.
        let status: PartnerStatus = profile.type == .stand || entry.status != .suspended ? .active : .suspended
        let record = PartnerRecord(id: entry.id, profile: profile, status: status, tierID: nil)
        return record
    }

    private static func insert(_ partners: [PartnerRecord], at now: Date, on db: any Database) async throws {
        try await db.sql().insert(
            partners, into: PartnerRecord.schema,
            columns: [
                "id", "type", "company_name", "company_key", "display_name", "email", "phone", "region", "country", "city", "address",
                "postal_code", "latitude", "longitude", "tax_id", "website", "status", "tier_id", "search_text", "created_at", "updated_at",
            ]
        ) {
            [
                $0.id, $0.type.rawValue, $0.companyName, $0.companyKey, $0.displayName, $0.email, $0.phone, $0.region, $0.country, $0.city,
                $0.address, $0.postalCode, $0.latitude, $0.longitude, $0.taxId, $0.website, $0.status.rawValue, $0.$tier.id,
                $0.searchText, now, now,
            ]
        }
    }
}
