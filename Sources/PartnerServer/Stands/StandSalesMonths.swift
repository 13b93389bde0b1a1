import Fluent
import Foundation
import PartnerCore
import SQLKit

/// Every stand's sales summed per UTC month, per location and per SKU, kept by the writes that
/// record sales. A year's performance report reads a dozen totals per location and SKU for its whole
/// months and only the rows of its ragged first and last month (`MonthCut`), instead of every sale
/// and line of the year. A sale's stand, location, time, total and lines never change once recorded,
/// so adding each sale once keeps the totals exact.
enum StandSalesMonths {
    static let locations = "stand_sales_months"
    static let skus = "stand_sku_sales_months"

    struct LocationKey: Hashable {
        let stand: UUID
        let month: Int64
        let location: UUID
    }

    struct LocationTotal {
        var revenue: Int64 = 0
        var units: Int64 = 0
        var sales: Int64 = 0
    }

    struct SKUKey: Hashable {
        let stand: UUID
        let month: Int64
        let sku: String
    }

    struct SKUTotal {
        var units: Int64 = 0
        var revenue: Int64 = 0
    }

    /// Adds freshly inserted sales and their lines to their months, inside the inserting transaction.
    static func add(_ sales: [StandOrderRecord], lines: [StandOrderItemRecord], on sql: any SQLDatabase) async throws {
        var byLocation: [LocationKey: LocationTotal] = [:]
        for sale in sales {
            let key = LocationKey(
                stand: sale.$stand.id, month: MonthCut.monthStart(containing: sale.soldAtMillis), location: sale.$location.id)
            byLocation[key, default: .init()].add(revenue: sale.totalMinor, units: Int64(sale.units), sales: 1)
        }
        var bySKU: [SKUKey: SKUTotal] = [:]
        for line in lines {
            guard let stand = line.standID, let soldAt = line.soldAtMillis else { continue }
            let key = SKUKey(stand: stand, month: MonthCut.monthStart(containing: soldAt), sku: line.sku)
            bySKU[key, default: .init()].add(units: Int64(line.quantity), revenue: line.lineTotalMinor)
        }
        try await write(byLocation, bySKU, on: sql)
    }

    /// Sums every recorded sale into the month tables from scratch (they must be empty): the
    /// migration that introduced them, over the sales recorded before. Summed per day in SQL —
    /// dialect-neutral integer arithmetic, rounding down before 1970 too — and per month here.
    static func fill(on db: any Database) async throws {
        let day = "(sold_at_ms - ((sold_at_ms % 86400000) + 86400000) % 86400000)"
        var byLocation: [LocationKey: LocationTotal] = [:]
        for row in try await RowReader.all(
            """
            SELECT stand_id AS "stand", location_id AS "location", \(unsafeRaw: day) AS "day", \
            CAST(SUM(total_minor) AS BIGINT) AS "revenue", CAST(SUM(units) AS BIGINT) AS "units", CAST(COUNT(*) AS BIGINT) AS "sales" \
            FROM stand_orders GROUP BY stand_id, location_id, \(unsafeRaw: day)
            """, on: db)
        {
            let key = LocationKey(
                stand: try row.uuid("stand"), month: MonthCut.monthStart(containing: try row.int64("day")),
                location: try row.uuid("location"))
            byLocation[key, default: .init()].add(
                revenue: try row.int64("revenue"), units: try row.int64("units"), sales: try row.int64("sales"))
        }
        var bySKU: [SKUKey: SKUTotal] = [:]
        for row in try await RowReader.all(
            """
            SELECT stand_id AS "stand", sku AS "sku", \(unsafeRaw: day) AS "day", CAST(SUM(quantity) AS BIGINT) AS "units", \
            CAST(SUM(line_total_minor) AS BIGINT) AS "revenue" \
            FROM stand_order_items WHERE stand_id IS NOT NULL GROUP BY stand_id, sku, \(unsafeRaw: day)
            """, on: db)
        {
            let key = SKUKey(
                stand: try row.uuid("stand"), month: MonthCut.monthStart(containing: try row.int64("day")), sku: try row.string("sku"))
            bySKU[key, default: .init()].add(units: try row.int64("units"), revenue: try row.int64("revenue"))
        }
        try await write(byLocation, bySKU, on: try db.sql())
    }

    private static func write(_ byLocation: [LocationKey: LocationTotal], _ bySKU: [SKUKey: SKUTotal], on sql: any SQLDatabase)
        async throws
    {
        try await sql.insert(
            Array(byLocation), into: locations, columns: ["stand_id", "month_ms", "location_id", "revenue_minor", "units", "sales"],
            onConflict: .add(["revenue_minor", "units", "sales"], key: ["stand_id", "month_ms", "location_id"])
        ) { [$0.key.stand, $0.key.month, $0.key.location, $0.value.revenue, $0.value.units, $0.value.sales] }
        try await sql.insert(
            Array(bySKU), into: skus, columns: ["stand_id", "month_ms", "sku", "units", "revenue_minor"],
            onConflict: .add(["units", "revenue_minor"], key: ["stand_id", "month_ms", "sku"])
        ) { [$0.key.stand, $0.key.month, $0.key.sku, $0.value.units, $0.value.revenue] }
    }
}

// Wrapping adds: each sale's total was checked when it was recorded, and no month of sales comes
// near Int64's range; nothing here may trap the server.
extension StandSalesMonths.LocationTotal {
    mutating func add(revenue: Int64, units: Int64, sales: Int64) {
        self.revenue &+= revenue
        self.units &+= units
        self.sales &+= sales
    }
}

extension StandSalesMonths.SKUTotal {
    mutating func add(units: Int64, revenue: Int64) {
        self.units &+= units
        self.revenue &+= revenue
    }
}
