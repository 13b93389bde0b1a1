import Fluent
import Foundation
import SQLKit
import Testing

@testable import PartnerServer

/// `seed --scale N` grows the demo to N partners with their order history and at least 100
/// stocked stands — the same network every time for the same N and clock, so benchmark runs compare.
@Suite("Scale seed")
struct ScaleSeedTests {
    private struct Fingerprint: Equatable {
        var partners: [String]
        var orders: [String]
        var stands: Int
        var standSales: Int
    }

    private func seeded(partners: Int) async throws -> (ScaleSeeder.Report, Fingerprint) {
        var result: (ScaleSeeder.Report, Fingerprint)?
        try await withTestApp { world in
            let report = try await ScaleSeeder(app: world.app).seed(partners: partners)
            let sql = try world.app.db.sql()
            struct Row: Decodable { let value: String }
            let names = try await sql.raw("SELECT company_name || '/' || type AS value FROM partners ORDER BY id").all(decoding: Row.self)
            let orders = try await sql.raw(
                "SELECT number || '/' || CAST(total_minor AS TEXT) || '/' || status AS value FROM partner_orders ORDER BY number"
            ).all(decoding: Row.self)
            result = (
                report,
                Fingerprint(
                    partners: names.map(\.value), orders: orders.map(\.value),
                    stands: try await StandPartnerRecord.query(on: world.app.db).count(),
                    standSales: try await StandOrderRecord.query(on: world.app.db).count())
            )
        }
        return try #require(result)
    }

    @Test func theSameSizeGivesTheSameNetwork() async throws {
        let (report, first) = try await seeded(partners: 400)
        let (_, second) = try await seeded(partners: 400)
        #expect(first == second)
        #expect(first.partners.count == 400 && report.partners == 400)
        #expect(first.stands >= 100)
        // Every added partner trades: about a hundred order lines each over two years.
        #expect(report.orderLines > 60 * (400 - 240 - 64))
        #expect(first.standSales > 21_000 + 60 * 64)
        #expect(Set(first.orders.map { $0.split(separator: "/")[0] }).count == first.orders.count)
    }
}
