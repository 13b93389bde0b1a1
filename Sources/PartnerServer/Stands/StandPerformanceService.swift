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

    /// What the stand sold in the period, summed in SQL: per location, and per SKU with the SKU's
    /// stock on the shelves. A year of a busy stand is thousands of sales; the report needs their
    /// totals, not the rows.
    struct Activity: Sendable {
        struct Location: Sendable {
            let locationId: UUID
            let revenueMinor: Int64
            let units: Int64
            let sales: Int64
        }

        /// A SKU sold in the period or on the stand's shelves.
        struct SKU: Sendable {
            let sku: String
            let name: String?
            let units: Int64
            let revenueMinor: Int64
            /// Units on the stand's shelves now, over its locations.
            let onHand: Int64
        }

        let locations: [Location]
        let skus: [SKU]
    }

    /// The whole months of the period come from the monthly totals (`StandSalesMonths`), its ragged
    /// first and last month from the sales and lines on the side with fewer days (`MonthCut`),
    /// through covering indexes on (stand, time) — a year is a dozen totals per location and SKU
    /// plus at most half a month of rows at each end.
    func activity(of standID: UUID, from start: Int64, until end: Int64) async throws -> Activity {
        let cut = MonthCut(from: start, until: end)
        let sales = Self.unionAll(cut) { sign, span in
            """
            SELECT location_id, \(unsafeRaw: sign)total_minor, \(unsafeRaw: sign)units, \(unsafeRaw: sign)1 FROM stand_orders \
            WHERE stand_id = \(bind: standID) AND sold_at_ms >= \(bind: span.lowerBound) AND sold_at_ms < \(bind: span.upperBound)
            """
        }
        let locations = try await RowReader.all(
            """
            SELECT location_id AS "locationId", CAST(SUM(revenue) AS BIGINT) AS "revenueMinor", CAST(SUM(units) AS BIGINT) AS "units", \
            CAST(SUM(sales) AS BIGINT) AS "sales" FROM (\
            SELECT location_id, revenue_minor AS revenue, units, sales FROM stand_sales_months \
            WHERE stand_id = \(bind: standID) AND month_ms >= \(bind: cut.months.lowerBound) AND month_ms < \(bind: cut.months.upperBound)\
            \(sales)) t GROUP BY location_id
            """, on: database
        ).map { row in
            Activity.Location(
                locationId: try row.uuid("locationId"), revenueMinor: try row.int64("revenueMinor"), units: try row.int64("units"),
                sales: try row.int64("sales"))
        }
        let lines = Self.unionAll(cut) { sign, span in
            """
            SELECT sku, NULL, \(unsafeRaw: sign)quantity, \(unsafeRaw: sign)line_total_minor, 0 FROM stand_order_items \
            WHERE stand_id = \(bind: standID) AND sold_at_ms >= \(bind: span.lowerBound) AND sold_at_ms < \(bind: span.upperBound)
            """
        }
        // Shelf lines carry their product's name; a SKU sold but no longer shelved is named from the
        // catalogue. HAVING: a SKU neither shelved nor sold in the period (its removed lines cancel
        // its months', every line selling ≥ 1 unit) is left out.
        let skus = try await RowReader.all(
            """
            SELECT t.sku AS "sku", COALESCE(MAX(t.name), (SELECT pr.name FROM products pr WHERE pr.sku = t.sku)) AS "name", \
            CAST(SUM(t.units) AS BIGINT) AS "units", CAST(SUM(t.revenue) AS BIGINT) AS "revenueMinor", \
            CAST(SUM(t.on_hand) AS BIGINT) AS "onHand" FROM (\
            SELECT sku, NULL AS name, units, revenue_minor AS revenue, 0 AS on_hand FROM stand_sku_sales_months \
            WHERE stand_id = \(bind: standID) AND month_ms >= \(bind: cut.months.lowerBound) AND month_ms < \(bind: cut.months.upperBound) \
            UNION ALL SELECT i.sku, pr.name, 0, 0, i.on_hand FROM stand_inventory i JOIN products pr ON pr.id = i.product_id \
            WHERE i.stand_id = \(bind: standID)\
            \(lines)) t GROUP BY t.sku HAVING SUM(t.units) <> 0 OR COUNT(t.name) > 0
            """, on: database
        ).map { row in
            Activity.SKU(
                sku: try row.string("sku"), name: try row.optionalString("name"), units: try row.int64("units"),
                revenueMinor: try row.int64("revenueMinor"), onHand: try row.int64("onHand"))
        }
        return Activity(locations: locations, skus: skus)
    }

    /// `UNION ALL` branches for the cut's row spans: `branch("", span)` for each added span and
    /// `branch("-", span)` for each removed one, the sign prefixing every summed column.
    private static func unionAll(_ cut: MonthCut, _ branch: (String, Range<Int64>) -> SQLQueryString) -> SQLQueryString {
        (cut.added.map { " UNION ALL " + branch("", $0) } + cut.removed.map { " UNION ALL " + branch("-", $0) }).joined()
    }

    /// The stand's report for the days `from` through `through`, ranked against stands of the same
    /// package in its partner's region.
    func report(of stand: Stand, from: Date, through: Date) async throws -> Report {
        let now = clock.now
        let standID = stand.id
        let start = PartnerOrderRecord.millis(from)
        let end = PartnerOrderRecord.millis(through.addingTimeInterval(86_400))
        let days = max(1, Int((through.timeIntervalSince(from) / 86_400).rounded()) + 1)
        let activity = try await activity(of: standID, from: start, until: end)
        let locations = try await stands.locations(of: standID)

        var byLocation = Dictionary(firstValues: locations.map { ($0.id, LocationRow(location: $0)) })
        for sold in activity.locations {
            byLocation[sold.locationId]?.revenueMinor += sold.revenueMinor
            byLocation[sold.locationId]?.units += Int(clamping: sold.units)
            byLocation[sold.locationId]?.salesCount += Int(clamping: sold.sales)
        }
        let skus = activity.skus.map { sold in
            var row = SKURow(
                sku: sold.sku, name: sold.name ?? sold.sku, units: Int(clamping: sold.units), revenueMinor: sold.revenueMinor,
                onHand: Int(clamping: sold.onHand))
            if row.units > 0 {
                row.daysOfCover = StandKPI.rounded(StandDemand.daysOfCover(onHand: row.onHand, units: row.units, days: days))
            }
            return row
        }

        let stockOuts = try await stockOuts(of: standID, from: from, through: through)
        for (id, _) in byLocation {
            let own = stockOuts.filter { $0.locationID == id }.map(\.interval)
            byLocation[id]?.stockOutDays = StockOutCalendar.days(own, from: from, through: through, now: now)
        }

        let revenue = try Checked.sum(activity.locations.map(\.revenueMinor), field: "revenue")
        let units = Int(clamping: activity.locations.reduce(Int64(0)) { $0 &+ $1.units })
        let salesCount = Int(clamping: activity.locations.reduce(Int64(0)) { $0 &+ $1.sales })
        let onHand = Int(clamping: activity.skus.reduce(Int64(0)) { $0 &+ $1.onHand })
        let peers = try await peerRevenue(of: stand, start: start, end: end)
        let (currency, points) = try await currencyAndPoints(of: standID, start: start, end: end)
        return Report(
            from: from, through: through, currency: currency, revenueMinor: revenue, units: units, salesCount: salesCount,
            sellThroughPercent: StandKPI.rounded(StandKPI.sellThroughPercent(sold: units, onHand: onHand)),
            stockOutDays: StockOutCalendar.days(stockOuts.map(\.interval), from: from, through: through, now: now),
            daysOfCover: StandKPI.rounded(StandDemand.daysOfCover(onHand: onHand, units: units, days: days)),
            refillLeadTimeDays: try await leadTime(of: standID, start: start, end: end),
            pointsEarned: points,
            rankPercentile: StandKPI.rounded(StandKPI.percentileRank(of: revenue, among: peers)), peerCount: peers.count,
            locations: locations.compactMap { byLocation[$0.id] },
            skus: skus.sorted { ($0.revenueMinor, $1.sku) > ($1.revenueMinor, $0.sku) })
    }

    /// Median days from request to delivery of the refills delivered in the period.
    private func leadTime(of standID: UUID, start: Int64, end: Int64) async throws -> Double? {
        let query: SQLQueryString =
            """
            SELECT requested_at AS "requestedAt", delivered_at AS "deliveredAt" FROM stand_refill_orders \
            WHERE stand_id = \(bind: standID) AND delivered_at >= \(bind: Date(timeIntervalSince1970: Double(start) / 1000)) \
            AND delivered_at < \(bind: Date(timeIntervalSince1970: Double(end) / 1000))
            """
        let days = try await RowReader.all(query, on: database).map { row in
            try row.date("deliveredAt").timeIntervalSince(try row.date("requestedAt")) / 86_400
        }
        return StandKPI.rounded(StandKPI.median(days))
    }

    /// The stand's currency (of its sales; euro before the first) and the loyalty points it earned
    /// in the period: one statement for both.
    private func currencyAndPoints(of standID: UUID, start: Int64, end: Int64) async throws -> (currency: Currency, points: Int) {
        let row = try await RowReader.all(
            """
            SELECT (SELECT currency FROM stand_orders WHERE stand_id = \(bind: standID) LIMIT 1) AS "currency", \
            (SELECT CAST(COALESCE(SUM(points), 0) AS BIGINT) FROM stand_loyalty_ledger \
            WHERE stand_id = \(bind: standID) AND occurred_at_ms >= \(bind: start) AND occurred_at_ms < \(bind: end) \
            AND kind IN (\(binds: [LoyaltyEntryKind.earn.rawValue, LoyaltyEntryKind.bonus.rawValue]))) AS "points"
            """, on: database
        ).first
        let currency = try row?.optionalString("currency").flatMap(Currency.init) ?? .eur
        return (currency, Int(clamping: try row?.optionalInt64("points") ?? 0))
    }

    /// The stand's stock-out periods that overlap the report: started before it ended, not ended
    /// before it began.
    private func stockOuts(of standID: UUID, from: Date, through: Date) async throws
        -> [(locationID: UUID, interval: StockOutCalendar.Interval)]
    {
        try await RowReader.all(
            """
            SELECT location_id AS "locationId", started_at AS "startedAt", ended_at AS "endedAt" FROM stand_stockouts \
            WHERE stand_id = \(bind: standID) AND started_at < \(bind: through.addingTimeInterval(86_400)) \
            AND (ended_at IS NULL OR ended_at >= \(bind: from))
            """, on: database
        ).map { row in
            (try row.uuid("locationId"), StockOutCalendar.Interval(start: try row.date("startedAt"), end: try row.optionalDate("endedAt")))
        }
    }

    /// Revenue in the period of every other stand with the same package and partner region, in one
    /// statement: whole months from the monthly totals, the ragged months' spans from the sales
    /// (`MonthCut`), each a range of a covering index per peer. Driven from `stand_partners`
    /// (`CROSS JOIN`): SQLite would otherwise walk every partner of the region.
    private func peerRevenue(of stand: Stand, start: Int64, end: Int64) async throws -> [Int64] {
        let standID = stand.id
        let cut = MonthCut(from: start, until: end)
        let edges = cut.added.map { " + " + Self.edgeRevenue(in: $0) } + cut.removed.map { " - " + Self.edgeRevenue(in: $0) }
        return try await RowReader.all(
            """
            SELECT CAST(COALESCE((SELECT SUM(m.revenue_minor) FROM stand_sales_months m WHERE m.stand_id = s.id \
            AND m.month_ms >= \(bind: cut.months.lowerBound) AND m.month_ms < \(bind: cut.months.upperBound)), 0)\
            \(edges.joined()) AS BIGINT) AS "total" \
            FROM stand_partners s CROSS JOIN partners p WHERE p.id = s.id \
            AND p.region = (SELECT o.region FROM partners o WHERE o.id = \(bind: standID)) \
            AND s.package_level = \(bind: stand.package.rawValue) AND s.id <> \(bind: standID)
            """, on: database
        ).map { try $0.int64("total") }
    }

    /// The revenue of the peer `s` in `span` (0 without sales), as a scalar subquery.
    private static func edgeRevenue(in span: Range<Int64>) -> SQLQueryString {
        """
        COALESCE((SELECT SUM(e.total_minor) FROM stand_orders e WHERE e.stand_id = s.id \
        AND e.sold_at_ms >= \(bind: span.lowerBound) AND e.sold_at_ms < \(bind: span.upperBound)), 0)
        """
    }
}
