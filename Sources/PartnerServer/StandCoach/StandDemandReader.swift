import Fluent
import Foundation
import PartnerCore
import SQLKit

/// Daily units sold per location × SKU, the series the coach forecasts: summed by UTC day in SQL
/// and zero-filled here, so a day without a sale is a 0 and not a gap.
struct StandDemandReader {
    struct Key: Hashable, Sendable {
        let locationID: UUID
        let sku: String
    }

    /// The most days of history read for one forecast (two years cover every season twice).
    static let maximumDays = 730

    let database: any Database

    /// Units per day for the days `from` through `through` (midnights UTC), for the given stands
    /// (every stand when nil); each series has one value per day, oldest first.
    func daily(of standIDs: [UUID]?, from: Date, through: Date) async throws -> [Key: [Double]] {
        let first = CalendarDay.startOfDay(from)
        let last = CalendarDay.startOfDay(through)
        guard first <= last else { return [:] }
        let days = Int((last.timeIntervalSince(first) / 86_400).rounded()) + 1
        if let standIDs, standIDs.isEmpty { return [:] }
        struct Row: Decodable {
            let locationId: UUID
            let sku: String
            let day: Int64
            let units: Int64
        }
        let start = PartnerOrderRecord.millis(first)
        let end = PartnerOrderRecord.millis(last.addingTimeInterval(86_400))
        var standFilter: SQLQueryString = ""
        if let standIDs { standFilter = "AND o.stand_id IN (\(binds: standIDs))" }
        let rows = try await database.sql().raw(
            """
            SELECT o.location_id AS "locationId", i.sku AS sku,
                   CAST((o.sold_at_ms - \(bind: start)) / 86400000 AS BIGINT) AS day,
                   CAST(SUM(i.quantity) AS BIGINT) AS units
            FROM \(ident: StandOrderItemRecord.schema) i JOIN \(ident: StandOrderRecord.schema) o ON o.id = i.order_id
            WHERE o.sold_at_ms >= \(bind: start) AND o.sold_at_ms < \(bind: end) \(standFilter)
            GROUP BY 1, 2, 3
            """
        ).all(decoding: Row.self)
        var series: [Key: [Double]] = [:]
        for row in rows where (0..<Int64(days)).contains(row.day) {
            let key = Key(locationID: row.locationId, sku: row.sku)
            if series[key] == nil { series[key] = [Double](repeating: 0, count: days) }
            series[key]?[Int(row.day)] += Double(max(0, row.units))
        }
        return series
    }
}
