import Fluent
import Foundation
import PartnerCore
import SQLKit
import Testing
import Vapor
import VaporTesting

@testable import PartnerServer

/// The performance report reads whole months from the monthly totals (`StandSalesMonths`) and the
/// ragged edges from the sales: whatever the period, it must say exactly what the sales say.
@Suite("Stand sales summed per month")
struct StandSalesMonthsTests {
    /// Sales either side of month boundaries (2026-08 to 2026-11; the test clock is 2026-11-18).
    static let soldAt = [
        "2026-07-14T09:00:00Z", "2026-08-31T23:59:59Z", "2026-09-01T00:00:00Z", "2026-09-15T10:30:00Z", "2026-09-30T23:59:59Z",
        "2026-10-01T00:00:00Z", "2026-10-20T12:00:00Z", "2026-10-31T18:00:00Z", "2026-11-01T00:00:00Z", "2026-11-18T11:00:00Z",
    ]

    /// Periods with and without whole months, starting and ending on and off month boundaries, their
    /// ragged months read from either side: the rows inside, or the month less the rows outside
    /// (some of those holding sales: 07-14, 11-18).
    static let periods = [
        ("2026-07-01", "2026-11-18"), ("2026-08-01", "2026-10-31"), ("2026-08-31", "2026-10-01"), ("2026-09-01", "2026-09-30"),
        ("2026-09-02", "2026-10-31"), ("2026-09-15", "2026-09-15"), ("2026-10-02", "2026-11-17"), ("2026-06-01", "2026-07-31"),
        ("2026-07-15", "2026-11-17"), ("2026-07-15", "2026-07-31"), ("2026-07-02", "2026-07-30"), ("2026-08-30", "2026-11-02"),
    ]

    private func minor(_ amount: Any?) -> Int64? {
        guard let text = (amount as? [String: Any])?["amount"] as? String else { return nil }
        let parts = text.split(separator: ".")
        guard parts.count == 2, let whole = Int64(parts[0]), let cents = Int64(parts[1]) else { return nil }
        return whole * 100 + cents
    }

    private func millis(_ day: String) throws -> Int64 {
        PartnerOrderRecord.millis(try #require(CalendarDay.parse(day)))
    }

    /// What the raw sales of `standID` in `[start, end)` add up to, per location and per SKU.
    private func rawTotals(of standID: UUID, from start: Int64, until end: Int64, on sql: any SQLDatabase) async throws
        -> (locations: [String: [Int64]], skus: [String: [Int64]])
    {
        var locations: [String: [Int64]] = [:]
        for row in try await sql.raw(
            """
            SELECT location_id AS l, CAST(SUM(total_minor) AS BIGINT) AS r, CAST(SUM(units) AS BIGINT) AS u, CAST(COUNT(*) AS BIGINT) AS n \
            FROM stand_orders WHERE stand_id = \(bind: standID) AND sold_at_ms >= \(bind: start) AND sold_at_ms < \(bind: end) \
            GROUP BY location_id
            """
        ).all() {
            locations[try row.decode(column: "l", as: UUID.self).apiString] = [
                try row.decode(column: "r", as: Int64.self), try row.decode(column: "u", as: Int64.self),
                try row.decode(column: "n", as: Int64.self),
            ]
        }
        var skus: [String: [Int64]] = [:]
        for row in try await sql.raw(
            """
            SELECT i.sku AS s, CAST(SUM(i.quantity) AS BIGINT) AS u, CAST(SUM(i.line_total_minor) AS BIGINT) AS r \
            FROM stand_order_items i JOIN stand_orders o ON o.id = i.order_id \
            WHERE o.stand_id = \(bind: standID) AND o.sold_at_ms >= \(bind: start) AND o.sold_at_ms < \(bind: end) GROUP BY i.sku
            """
        ).all() {
            skus[try row.decode(column: "s", as: String.self)] = [
                try row.decode(column: "u", as: Int64.self), try row.decode(column: "r", as: Int64.self),
            ]
        }
        return (locations, skus)
    }

    private func snapshot(on sql: any SQLDatabase) async throws -> [String] {
        let locations = try await sql.raw(
            "SELECT stand_id AS s, month_ms AS m, location_id AS l, revenue_minor AS r, units AS u, sales AS n FROM stand_sales_months"
        ).all().map {
            "\(try $0.decode(column: "s", as: UUID.self)) \(try $0.decode(column: "m", as: Int64.self)) "
                + "\(try $0.decode(column: "l", as: UUID.self)) \(try $0.decode(column: "r", as: Int64.self)) "
                + "\(try $0.decode(column: "u", as: Int64.self)) \(try $0.decode(column: "n", as: Int64.self))"
        }
        let skus = try await sql.raw(
            "SELECT stand_id AS s, month_ms AS m, sku AS k, units AS u, revenue_minor AS r FROM stand_sku_sales_months"
        ).all().map {
            "\(try $0.decode(column: "s", as: UUID.self)) \(try $0.decode(column: "m", as: Int64.self)) "
                + "\(try $0.decode(column: "k", as: String.self)) \(try $0.decode(column: "u", as: Int64.self)) "
                + "\(try $0.decode(column: "r", as: Int64.self))"
        }
        return (locations + skus).sorted()
    }

    @Test func everyPeriodAddsUpToItsSalesAndTheMigrationRebuildsTheTotals() async throws {
        try await withTestApp { world in
            let staff = try await world.account(.staff)
            try await world.seedCatalogue(as: staff)
            let stand = try await world.enrolStand(as: staff, name: "Monthly", package: "pro", locations: 2)
            let peer = try await world.enrolStand(as: staff, name: "Peer", package: "pro")
            for (index, time) in Self.soldAt.enumerated() {
                let lines =
                    index % 3 == 0
                    ? #"[{"sku":"LIP-001","quantity":2},{"sku":"SER-001","quantity":1}]"# : #"[{"sku":"LIP-001","quantity":1}]"#
                let sold = try await world.sale(stand, lines, as: staff, location: stand.locations[index % 2], soldAt: time)
                #expect(sold.status == .created, "\(sold.body.string)")
                if index % 2 == 0 {
                    #expect(try await world.sale(peer, #"[{"sku":"SER-001","quantity":1}]"#, as: staff, soldAt: time).status == .created)
                }
            }
            let sql = try world.app.db.sql()
            let standID = try #require(UUID(uuidString: stand.id))
            for (from, to) in Self.periods {
                let report = try await world.send(.GET, "/api/v1/stand/performance/\(stand.id)?from=\(from)&to=\(to)", as: staff).json
                let raw = try await rawTotals(of: standID, from: try millis(from), until: try millis(to) + 86_400_000, on: sql)
                let period = "\(from)…\(to)"
                var locations: [String: [Int64]] = [:]
                for row in try #require(report["locations"] as? [[String: Any]]) where (row["salesCount"] as? Int ?? 0) > 0 {
                    locations[try #require(row["locationId"] as? String)] = [
                        try #require(minor(row["revenue"])), Int64(try #require(row["units"] as? Int)),
                        Int64(try #require(row["salesCount"] as? Int)),
                    ]
                }
                #expect(locations == raw.locations, "\(period)")
                var skus: [String: [Int64]] = [:]
                for row in try #require(report["skus"] as? [[String: Any]]) where (row["units"] as? Int ?? 0) > 0 {
                    skus[try #require(row["sku"] as? String)] = [
                        Int64(try #require(row["units"] as? Int)), try #require(minor(row["revenue"])),
                    ]
                }
                #expect(skus == raw.skus, "\(period)")
                let revenue = raw.locations.values.reduce(0) { $0 + $1[0] }
                #expect(minor(report["revenue"]) == revenue, "\(period)")
                #expect(report["salesCount"] as? Int == Int(raw.locations.values.reduce(0) { $0 + $1[2] }), "\(period)")
                let peerRevenue = try await rawTotals(
                    of: try #require(UUID(uuidString: peer.id)), from: try millis(from), until: try millis(to) + 86_400_000, on: sql
                ).locations.values.reduce(0) { $0 + $1[0] }
                #expect(report["peerCount"] as? Int == 1)
                #expect(report["rankPercentile"] as? Double == StandKPI.rounded(StandKPI.percentileRank(of: revenue, among: [peerRevenue])))
            }

            // Sales recorded before the month tables existed: the migration sums them from the rows.
            let kept = try await snapshot(on: sql)
            #expect(kept.count > 10)
            try await sql.raw("DELETE FROM stand_sales_months").run()
            try await sql.raw("DELETE FROM stand_sku_sales_months").run()
            try await StandSalesMonths.fill(on: world.app.db)
            #expect(try await snapshot(on: sql) == kept)
        }
    }
}
