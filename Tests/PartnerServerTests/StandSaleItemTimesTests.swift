import Fluent
import Foundation
import PartnerCore
import SQLKit
import Testing
import Vapor
import VaporTesting

@testable import PartnerServer

/// Sold lines carry their sale's stand and time (`AddStandSaleItemTimes`); the per-SKU totals of the
/// performance report are read from those copies.
@Suite("Stand sale lines filed under their sale")
struct StandSaleItemTimesTests {
    private func iso(_ date: Date) -> String { ISO8601DateFormatter().string(from: date) }

    /// Units per SKU in the report of the last 30 days.
    private func unitsBySKU(_ stand: TestWorld.Stand, _ world: TestWorld, as account: TestWorld.Account) async throws -> [String: Int] {
        let report = try await world.send(.GET, "/api/v1/stand/performance/\(stand.id)", as: account).json
        let rows = try #require(report["skus"] as? [[String: Any]])
        var units: [String: Int] = [:]
        for row in rows {
            if let sku = row["sku"] as? String, let sold = row["units"] as? Int { units[sku] = sold }
        }
        return units
    }

    @Test func aRecordedSaleFilesItsLinesAndTheMigrationFillsOlderOnes() async throws {
        try await withTestApp { world in
            let staff = try await world.account(.staff)
            try await world.seedCatalogue(as: staff)
            let stand = try await world.enrolStand(as: staff, name: "Filed")
            let other = try await world.enrolStand(as: staff, name: "Other")
            let today = CalendarDay.startOfDay(TestWorld.now)
            let yesterday = iso(today.addingTimeInterval(-86_400 + 3_600))
            let sales = [
                try await world.sale(
                    stand, #"[{"sku":"LIP-001","quantity":2},{"sku":"SER-001","quantity":1}]"#, as: staff, soldAt: yesterday),
                try await world.sale(stand, #"[{"sku":"LIP-001","quantity":3}]"#, as: staff, soldAt: yesterday),
                // Outside the report's 30 days, and another stand's sale: neither counts.
                try await world.sale(
                    stand, #"[{"sku":"SER-001","quantity":5}]"#, as: staff, soldAt: iso(today.addingTimeInterval(-40 * 86_400))),
                try await world.sale(other, #"[{"sku":"LIP-001","quantity":7}]"#, as: staff, soldAt: yesterday),
            ]
            #expect(sales.map(\.status) == Array(repeating: .created, count: 4))

            let sql = try world.app.db.sql()
            let unfiled = try await sql.raw(
                """
                SELECT COUNT(*) AS n FROM stand_order_items i JOIN stand_orders o ON o.id = i.order_id \
                WHERE i.stand_id IS NULL OR i.stand_id <> o.stand_id OR i.sold_at_ms IS NULL OR i.sold_at_ms <> o.sold_at_ms
                """
            ).first(decodingColumn: "n", as: Int.self)
            #expect(unfiled == 0)
            let expected = ["LIP-001": 5, "SER-001": 1]
            #expect(try await unitsBySKU(stand, world, as: staff) == expected)

            // Lines written before the migration had no copies (nor monthly totals, a later migration):
            // the report sees none of them until the migrations fill both, in their order.
            try await sql.raw("UPDATE stand_order_items SET stand_id = NULL, sold_at_ms = NULL").run()
            try await sql.raw("DELETE FROM stand_sku_sales_months").run()
            try await sql.raw("DELETE FROM stand_sales_months").run()
            #expect(try await unitsBySKU(stand, world, as: staff) == ["LIP-001": 0, "SER-001": 0])
            try await AddStandSaleItemTimes.fill(on: sql)
            try await StandSalesMonths.fill(on: world.app.db)
            let filled = try await sql.raw(
                "SELECT COUNT(*) AS n FROM stand_order_items WHERE stand_id IS NOT NULL AND sold_at_ms IS NOT NULL"
            )
            .first(decodingColumn: "n", as: Int.self)
            let lines = try await sql.raw("SELECT COUNT(*) AS n FROM stand_order_items").first(decodingColumn: "n", as: Int.self)
            #expect(filled == lines)
            #expect(try await unitsBySKU(stand, world, as: staff) == expected)
        }
    }
}
