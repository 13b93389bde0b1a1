import Fluent
import Foundation
import PartnerAdvisor
import PartnerCore
import SQLKit

/// `POST /stand/ai/performance-insights`: the stand's display health over the last 28 days against
/// its cohort (stands of the same package in the same region), the trend of its daily units over 84
/// days (Mann–Kendall), slow movers to swap for the region's best sellers, and coaching actions —
/// stored as a `performance` insight.
struct PerformanceInsightService {
    static let windowDays = 28
    static let trendDays = 84

    struct Detail: Codable, Sendable, Equatable {
        struct SKU: Codable, Sendable, Equatable {
            let sku: String
            let name: String
            let unitsPerLocationDay: Double
        }

        let cohortSize: Int
        let facingsFilled: Double
        let stockOutShare: Double
        let sellThrough: Double?
        let unitsPerLocationDay: Double
        let cohortMedianUnitsPerLocationDay: Double?
        let trendSlopePerWeek: Double?
        let trendPValue: Double?
        let slowMovers: [SKU]
        let regionBestSellers: [SKU]
    }

    let database: any Database
    let writes: WriteSerializer
    let demand: StandDemandReader
    let clock: AppClock

    func generate(for standID: UUID) async throws -> (insight: StoredInsight, detail: Detail) {
        let now = clock.now
        let context = try await StandCoachContext.load(standID, location: nil, on: database, now: now)
        let through = context.yesterday
        let from = through.addingTimeInterval(-Double(Self.windowDays - 1) * 86_400)
        let cohort = try await StandPartnerRecord.query(on: database)
            .join(PartnerRecord.self, on: \StandPartnerRecord.$id == \PartnerRecord.$id)
            .filter(PartnerRecord.self, \.$region == context.region).filter(\.$packageLevel == context.package)
            .filter(\.$id != standID).all(\.$id)
        let metrics = try await self.metrics(of: [standID] + cohort, from: from, through: through, now: now)
        let own = metrics[standID] ?? .init(facingsFilled: 0, stockOutShare: 0, sellThrough: nil, unitsPerLocationDay: 0)
        let trendFrom = max(context.historyStart, through.addingTimeInterval(-Double(Self.trendDays - 1) * 86_400))
        let daily = try await demand.daily(of: [standID], from: trendFrom, through: through)
        let trendDays = max(0, Int((through.timeIntervalSince(trendFrom) / 86_400).rounded()) + 1)
        var totals = [Double](repeating: 0, count: trendDays)
        for values in daily.values {
            for (index, value) in values.enumerated() where index < totals.count { totals[index] += value }
        }
        let mix = try await skuMix(of: context, from: from, through: through)
        let input = DisplayHealthInsight.Input(
            own: own, cohort: cohort.compactMap { metrics[$0] }, dailyUnits: totals, slowMovers: mix.slow, regionBestSellers: mix.best,
            windowDays: Self.windowDays)
        let insight = DisplayHealthInsight.insight(
            subject: context.name, input: input, window: .init(from: from, through: through), generatedAt: now)
        let trend = MannKendall(totals)
        let detail = Detail(
            cohortSize: input.cohort.count, facingsFilled: NumberText.rounded(own.facingsFilled * 100) / 100,
            stockOutShare: (own.stockOutShare * 1000).rounded() / 1000, sellThrough: own.sellThrough.map { ($0 * 1000).rounded() / 1000 },
            unitsPerLocationDay: (own.unitsPerLocationDay * 1000).rounded() / 1000,
            cohortMedianUnitsPerLocationDay: DisplayHealthInsight.Input.medianRate(input.cohort).map { ($0 * 1000).rounded() / 1000 },
            trendSlopePerWeek: trend.map { ($0.slope * 7 * 1000).rounded() / 1000 },
            trendPValue: trend.map { ($0.pValue * 1000).rounded() / 1000 },
            slowMovers: mix.slow.prefix(5).map {
                .init(sku: $0.sku, name: $0.name, unitsPerLocationDay: ($0.rate * 1000).rounded() / 1000)
            },
            regionBestSellers: mix.best.prefix(5).map {
                .init(sku: $0.sku, name: $0.name, unitsPerLocationDay: ($0.rate * 1000).rounded() / 1000)
            })
        let stored = try await writes.transaction(on: database) { db in
            try await db.lockPartner(standID)
            return try await InsightStore.record(insight, stand: standID, detail: detail, on: db, at: now)
        }
        return (stored, detail)
    }

    /// Display metrics of each stand over the window.
    func metrics(of standIDs: [UUID], from: Date, through: Date, now: Date) async throws -> [UUID: DisplayHealthInsight.Metrics] {
        let lines = try await StandInventoryRecord.query(on: database).filter(\.$stand.$id ~~ standIDs).all()
        let locations = try await StandLocationRecord.query(on: database).filter(\.$stand.$id ~~ standIDs).all(\.$stand.$id)
        let days = Double(Self.windowDays)
        struct Sold: Decodable {
            let standId: UUID
            let units: Int64
        }
        let sold = try await database.sql().raw(
            """
            SELECT stand_id AS "standId", CAST(COALESCE(SUM(units), 0) AS BIGINT) AS units FROM \(ident: StandOrderRecord.schema)
            WHERE stand_id IN (\(binds: standIDs)) AND sold_at_ms >= \(bind: PartnerOrderRecord.millis(from))
              AND sold_at_ms < \(bind: PartnerOrderRecord.millis(through.addingTimeInterval(86_400)))
            GROUP BY stand_id
            """
        ).all(decoding: Sold.self)
        let units = Dictionary(sold.map { ($0.standId, Int($0.units)) }, uniquingKeysWith: +)
        let stockOuts = try await StandStockOutRecord.query(on: database).filter(\.$stand.$id ~~ standIDs)
            .filter(\.$startedAt < through.addingTimeInterval(86_400))
            .group(.or) { $0.filter(\.$endedAt == nil).filter(\.$endedAt >= from) }.all()
        var outDays: [UUID: Int] = [:]
        for record in stockOuts {
            outDays[record.$stand.id, default: 0] += StockOutCalendar.days(
                [.init(start: record.startedAt, end: record.endedAt)], from: from, through: through, now: now)
        }
        var result: [UUID: DisplayHealthInsight.Metrics] = [:]
        for standID in standIDs {
            let own = lines.filter { $0.$stand.id == standID }
            guard !own.isEmpty else { continue }
            let sites = Double(max(1, locations.filter { $0 == standID }.count))
            let soldUnits = units[standID] ?? 0
            result[standID] = .init(
                facingsFilled: Double(own.filter { $0.onHand > 0 }.count) / Double(own.count),
                stockOutShare: min(1, Double(outDays[standID] ?? 0) / (Double(own.count) * days)),
                sellThrough: StandKPI.sellThroughPercent(sold: soldUnits, onHand: own.reduce(0) { $0 + $1.onHand }).map { $0 / 100 },
                unitsPerLocationDay: Double(soldUnits) / (sites * days))
        }
        return result
    }

    /// The stand's SKUs slowest first, and the best sellers of its region not on its planogram.
    private func skuMix(of context: StandCoachContext, from: Date, through: Date) async throws -> (
        slow: [DisplayHealthInsight.SKU], best: [DisplayHealthInsight.SKU]
    ) {
        let regionStands = try await StandPartnerRecord.query(on: database)
            .join(PartnerRecord.self, on: \StandPartnerRecord.$id == \PartnerRecord.$id)
            .filter(PartnerRecord.self, \.$region == context.region).all(\.$id)
        let carried = try await StandInventoryRecord.query(on: database).filter(\.$stand.$id ~~ regionStands).with(\.$product).all()
        let daily = try await demand.daily(of: regionStands, from: from, through: through)
        var units: [String: Double] = [:]
        var ownUnits: [String: Double] = [:]
        let ownLocations = Set(context.locations.map(\.id))
        for (key, values) in daily {
            let total = values.reduce(0, +)
            units[key.sku, default: 0] += total
            if ownLocations.contains(key.locationID) { ownUnits[key.sku, default: 0] += total }
        }
        var carriers: [String: Int] = [:]
        var names: [String: String] = [:]
        for line in carried {
            carriers[line.sku, default: 0] += 1
            names[line.sku] = line.product.name
        }
        let days = Double(Self.windowDays)
        let ownLines = Dictionary(context.shelf.values.flatMap { $0 }.map { ($0.sku, $0.name) }, uniquingKeysWith: { first, _ in first })
        let sites = Double(max(1, context.locations.count))
        let slow = ownLines.map { sku, name in DisplayHealthInsight.SKU(sku: sku, name: name, rate: (ownUnits[sku] ?? 0) / (sites * days)) }
            .sorted { ($0.rate, $0.sku) < ($1.rate, $1.sku) }
        let best = carriers.keys.filter { ownLines[$0] == nil }.map { sku in
            DisplayHealthInsight.SKU(
                sku: sku, name: names[sku] ?? sku, rate: (units[sku] ?? 0) / (Double(max(1, carriers[sku] ?? 1)) * days))
        }.filter { $0.rate > 0 }.sorted { ($1.rate, $0.sku) < ($0.rate, $1.sku) }
        return (Array(slow.prefix(10)), Array(best.prefix(10)))
    }
}
