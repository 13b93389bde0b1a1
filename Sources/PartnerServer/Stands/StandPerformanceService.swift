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
        let location: StandLocation
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
    let stands: StandRepository
    let clock: AppClock

    /// The stand's sales of the days `from` through `through` (whole UTC days), as plain values: the
    /// data the report and the AI Stand Coach both read.
    func sales(of standID: UUID, from: Date, through: Date) async throws -> [StandSale] {
        let start = PartnerOrderRecord.millis(from)
        let end = PartnerOrderRecord.millis(through.addingTimeInterval(86_400))
        return try await StandOrderRecord.query(on: database).filter(\.$stand.$id == standID)
            .filter(\.$soldAtMillis >= start).filter(\.$soldAtMillis < end).with(\.$items).all().map { try $0.value }
    }

    /// The stand's report for the days `from` through `through`, ranked against stands of the same
    /// package in its partner's region.
    func report(of stand: Stand, from: Date, through: Date) async throws -> Report {
        let now = clock.now
        let standID = stand.id
        guard let region = try await PartnerRecord.find(standID, on: database)?.region else { throw DomainError.partnerNotFound }
        let start = PartnerOrderRecord.millis(from)
        let end = PartnerOrderRecord.millis(through.addingTimeInterval(86_400))
        let days = max(1, Int((through.timeIntervalSince(from) / 86_400).rounded()) + 1)
        let sales = try await sales(of: standID, from: from, through: through)
        let locations = try await stands.locations(of: standID)
        let shelf = try await stands.shelf(of: standID)

        var skus: [String: SKURow] = [:]
        for line in shelf {
            skus[line.sku, default: SKURow(sku: line.sku, name: line.name)].onHand += line.level.onHand
        }
        var byLocation = Dictionary(firstValues: locations.map { ($0.id, LocationRow(location: $0)) })
        for sale in sales {
            byLocation[sale.locationID]?.revenueMinor += sale.total.minorUnits
            byLocation[sale.locationID]?.units += sale.units
            byLocation[sale.locationID]?.salesCount += 1
            for item in sale.lines {
                skus[item.sku, default: SKURow(sku: item.sku, name: item.name)].units += item.quantity
                skus[item.sku]?.revenueMinor += item.lineTotal.minorUnits
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

        let revenue = sales.reduce(Int64(0)) { $0 + $1.total.minorUnits }
        let units = sales.reduce(0) { $0 + $1.units }
        let onHand = shelf.reduce(0) { $0 + $1.level.onHand }
        let peers = try await peerRevenue(of: stand, region: region, start: start, end: end)
        return Report(
            from: from, through: through, currency: sales.first?.total.currency ?? .eur, revenueMinor: revenue, units: units,
            salesCount: sales.count,
            sellThroughPercent: StandKPI.rounded(StandKPI.sellThroughPercent(sold: units, onHand: onHand)),
            stockOutDays: StockOutCalendar.days(intervals, from: from, through: through, now: now),
            daysOfCover: StandKPI.rounded(StandDemand.daysOfCover(onHand: onHand, units: units, days: days)),
            refillLeadTimeDays: try await leadTime(of: standID, start: start, end: end),
            pointsEarned: try await pointsEarned(by: standID, start: start, end: end),
            rankPercentile: StandKPI.rounded(StandKPI.percentileRank(of: revenue, among: peers)), peerCount: peers.count,
            locations: locations.compactMap { byLocation[$0.id] },
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
    private func peerRevenue(of stand: Stand, region: String, start: Int64, end: Int64) async throws -> [Int64] {
        let standID = stand.id
        let peers = try await StandPartnerRecord.query(on: database)
            .join(PartnerRecord.self, on: \StandPartnerRecord.$id == \PartnerRecord.$id)
            .filter(PartnerRecord.self, \.$region == region).filter(\.$packageLevel == stand.package)
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
