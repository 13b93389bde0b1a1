import Fluent
import Foundation
import PartnerCore
import SQLKit

/// The stand performance report: sales KPIs over whole UTC days, per location and per SKU, with
/// stock-outs, refill lead times, loyalty and a rank among stands of the same package and region.
struct StandPerformanceService {
    struct SKURow {
        let sku: String
        let name: String
        var units = 0
        var revenueMinor: Int64 = 0
        var onHand = 0
        var daysOfCover: Double?
    }

    struct LocationRow {
        let location: StandLocationRecord
        var revenueMinor: Int64 = 0
        var units = 0
        var salesCount = 0
        var stockOutDays = 0
    }

    struct Report {
        let from: Date
        let through: Date
        let currency: Currency
        let revenueMinor: Int64
        let units: Int
        let salesCount: Int
        let sellThroughPercent: Double?
        let stockOutDays: Int
        let daysOfCover: Double?
        let refillLeadTimeDays: Double?
        let pointsEarned: Int
        let rankPercentile: Double?
        let peerCount: Int
        let locations: [LocationRow]
        let skus: [SKURow]
    }

    let database: any Database

    /// The stand's report for the days `from` through `through`, ranked against stands of the same
    /// package in its partner's region.
    func report(of stand: StandPartnerRecord, from: Date, through: Date, now: Date) async throws -> Report {
        let standID = try stand.requireID()
        guard let region = try await PartnerRecord.find(standID, on: database)?.region else { throw DomainError.partnerNotFound }
        let start = PartnerOrderRecord.millis(from)
        let end = PartnerOrderRecord.millis(through.addingTimeInterval(86_400))
        let days = max(1, Int((through.timeIntervalSince(from) / 86_400).rounded()) + 1)
        let sales = try await StandOrderRecord.query(on: database).filter(\.$stand.$id == standID)
            .filter(\.$soldAtMillis >= start).filter(\.$soldAtMillis < end).with(\.$items).all()
        let locations = try await StandLocationRecord.query(on: database).filter(\.$stand.$id == standID).sort(\.$name).all()
        let shelf = try await StandInventoryRecord.query(on: database).filter(\.$stand.$id == standID).with(\.$product).all()

        var skus: [String: SKURow] = [:]
        for line in shelf {
            skus[line.sku, default: SKURow(sku: line.sku, name: line.product.name)].onHand += line.onHand
        }
        var byLocation = Dictionary(firstValues: try locations.map { (try $0.requireID(), LocationRow(location: $0)) })
        for sale in sales {
            byLocation[sale.$location.id]?.revenueMinor += sale.totalMinor
            byLocation[sale.$location.id]?.units += sale.units
            byLocation[sale.$location.id]?.salesCount += 1
            for item in sale.items {
                skus[item.sku, default: SKURow(sku: item.sku, name: item.name)].units += item.quantity
                skus[item.sku]?.revenueMinor += item.lineTotalMinor
            }
        }
        for key in skus.keys {
            guard let row = skus[key], row.units > 0 else { continue }
            skus[key]?.daysOfCover = StandKPI.rounded(StandDemand.daysOfCover(onHand: row.onHand, units: row.units, days: days))
        }

        // Only the periods that overlap the report: started before it ended, not ended before it began.
        let stockOuts = try await StandStockOutRecord.query(on: database).filter(\.$stand.$id == standID)
            .filter(\.$startedAt < through.addingTimeInterval(86_400))
            .group(.or) { $0.filter(\.$endedAt == nil).filter(\.$endedAt >= from) }.all()
        let intervals = stockOuts.map { StockOutCalendar.Interval(start: $0.startedAt, end: $0.endedAt) }
        for (id, _) in byLocation {
            let own = stockOuts.filter { $0.$location.id == id }.map { StockOutCalendar.Interval(start: $0.startedAt, end: $0.endedAt) }
            byLocation[id]?.stockOutDays = StockOutCalendar.days(own, from: from, through: through, now: now)
        }

        let revenue = sales.reduce(Int64(0)) { $0 + $1.totalMinor }
        let units = sales.reduce(0) { $0 + $1.units }
        let onHand = shelf.reduce(0) { $0 + $1.onHand }
        let peers = try await peerRevenue(of: stand, region: region, start: start, end: end)
        return Report(
            from: from, through: through, currency: sales.first?.money ?? .eur, revenueMinor: revenue, units: units,
            salesCount: sales.count,
            sellThroughPercent: StandKPI.rounded(StandKPI.sellThroughPercent(sold: units, onHand: onHand)),
            stockOutDays: StockOutCalendar.days(intervals, from: from, through: through, now: now),
            daysOfCover: StandKPI.rounded(StandDemand.daysOfCover(onHand: onHand, units: units, days: days)),
            refillLeadTimeDays: try await leadTime(of: standID, start: start, end: end),
            pointsEarned: try await pointsEarned(by: standID, start: start, end: end),
            rankPercentile: StandKPI.rounded(StandKPI.percentileRank(of: revenue, among: peers)), peerCount: peers.count,
            locations: locations.compactMap { $0.id.flatMap { byLocation[$0] } },
            skus: skus.values.sorted { ($0.revenueMinor, $1.sku) > ($1.revenueMinor, $0.sku) })
    }

    /// Median days from request to delivery of the refills delivered in the period.
    private func leadTime(of standID: UUID, start: Int64, end: Int64) async throws -> Double? {
        let delivered = try await StandRefillOrderRecord.query(on: database).filter(\.$stand.$id == standID)
            .filter(\.$deliveredAt >= Date(timeIntervalSince1970: Double(start) / 1000))
            .filter(\.$deliveredAt < Date(timeIntervalSince1970: Double(end) / 1000)).all()
        let days = delivered.compactMap { refill in refill.deliveredAt.map { $0.timeIntervalSince(refill.requestedAt) / 86_400 } }
        return StandKPI.rounded(StandKPI.median(days))
    }

    private func pointsEarned(by standID: UUID, start: Int64, end: Int64) async throws -> Int {
        try await StandLoyaltyLedgerRecord.query(on: database).filter(\.$stand.$id == standID)
            .filter(\.$occurredAtMillis >= start).filter(\.$occurredAtMillis < end)
            .filter(\.$kind ~~ [.earn, .bonus]).all(\.$points).reduce(0, +)
    }

    /// Revenue in the period of every other stand with the same package and partner region.
    private func peerRevenue(of stand: StandPartnerRecord, region: String, start: Int64, end: Int64) async throws -> [Int64] {
        let standID = try stand.requireID()
        let peers = try await StandPartnerRecord.query(on: database)
            .join(PartnerRecord.self, on: \StandPartnerRecord.$id == \PartnerRecord.$id)
            .filter(PartnerRecord.self, \.$region == region).filter(\.$packageLevel == stand.packageLevel)
            .filter(\.$id != standID).all(\.$id)
        guard !peers.isEmpty else { return [] }
        struct Row: Decodable {
            let standId: UUID
            let total: Int64
        }
        let rows = try await database.sql().raw(
            """
            SELECT stand_id AS "standId", CAST(COALESCE(SUM(total_minor), 0) AS BIGINT) AS total
            FROM \(ident: StandOrderRecord.schema)
            WHERE stand_id IN (\(binds: peers)) AND sold_at_ms >= \(bind: start) AND sold_at_ms < \(bind: end)
            GROUP BY stand_id
            """
        ).all(decoding: Row.self)
        let totals = Dictionary(firstValues: rows.map { ($0.standId, $0.total) })
        return peers.map { totals[$0] ?? 0 }
    }
}
