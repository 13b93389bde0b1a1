import Fluent
import Foundation
import PartnerCore
import Testing
import Vapor
import VaporTesting

@testable import PartnerServer

@Suite("Performance, dashboard and tier review")
struct PerformanceAPITests {
    private func order(_ lines: String, for partner: Partner, as staff: TestWorld.Account, in world: TestWorld, deliver: Bool = true)
        async throws -> String
    {
        let created = try await world.send(
            .POST, "/api/v1/partners/\(partner.id.apiString)/orders", as: staff, json: #"{"items":[\#(lines)]}"#,
            headers: ["Idempotency-Key": UUID().uuidString])
        let id = try #require(try created.json["id"] as? String)
        if deliver {
            for next in ["confirmed", "shipped", "delivered"] {
                _ = try await world.send(
                    .POST, "/api/v1/partners/\(partner.id.apiString)/orders/\(id)/status", as: staff, json: #"{"status":"\#(next)"}"#)
            }
        }
        return id
    }

    @Test func performanceRowsFollowOrdersAndCancellations() async throws {
        try await withTestApp { world in
            let staff = try await world.account(.staff)
            try await world.seedCatalogue(as: staff)
            let partner = try await world.partner("Performer", tierCode: "bronze")
            _ = try await order(#"{"sku":"SER-001","quantity":2}"#, for: partner, as: staff, in: world)
            let cancelled = try await order(#"{"sku":"LIP-001","quantity":1}"#, for: partner, as: staff, in: world, deliver: false)
            let path = "/api/v1/partners/\(partner.id.apiString)"
            var month = try #require((try await world.send(.GET, path + "/performance", as: staff).json["items"] as? [[String: Any]])?.last)
            #expect((month["revenue"] as? [String: Any])?["amount"] as? String == "90.00")
            #expect(month["orders"] as? Int == 2)
            #expect(month["loyaltyEarned"] as? Int == 70)
            _ = try await world.send(.POST, path + "/orders/\(cancelled)/status", as: staff, json: #"{"status":"cancelled"}"#)
            let series = try #require(try await world.send(.GET, path + "/performance", as: staff).json["items"] as? [[String: Any]])
            #expect(series.count == 12)
            month = try #require(series.last)
            #expect((month["revenue"] as? [String: Any])?["amount"] as? String == "70.00")
            #expect(month["orders"] as? Int == 1)
            #expect((month["averageOrderValue"] as? [String: Any])?["amount"] as? String == "70.00")
            #expect(month["targetAttainmentPercent"] as? Double == 3.4)  // 70 of 25,000 / 12 per month (silver pace)
            let stored = try await PartnerPerformanceRecord.query(on: world.app.db).all()
            #expect(stored.map(\.revenueMinor) == [7_000])
        }
    }

    @Test func performanceRangesAreValidated() async throws {
        try await withTestApp { world in
            let staff = try await world.account(.staff)
            let partner = try await world.partner()
            let path = "/api/v1/partners/\(partner.id.apiString)/performance"
            #expect((try await world.send(.GET, path + "?from=2026-01&to=2026-03", as: staff).json["items"] as? [Any])?.count == 3)
            try await world.send(.GET, path + "?from=2026-05&to=2026-03", as: staff).expectProblem(.unprocessableEntity)
            try await world.send(.GET, path + "?from=2026-13", as: staff).expectProblem(.unprocessableEntity)
            try await world.send(.GET, path + "?from=2010-01&to=2026-03", as: staff).expectProblem(.unprocessableEntity)
        }
    }

    @Test func dashboardGathersEverySignal() async throws {
        try await withTestApp { world in
            let staff = try await world.account(.staff)
            try await world.seedCatalogue(as: staff)
            let partner = try await world.partner("Dashboard Dealer", tierCode: "gold")
            _ = try await order(#"{"sku":"SER-001","quantity":1}"#, for: partner, as: staff, in: world)
            _ = try await order(#"{"sku":"LIP-001","quantity":2}"#, for: partner, as: staff, in: world, deliver: false)
            let contract = try await world.send(
                .POST, "/api/v1/partners/\(partner.id.apiString)/contracts", as: staff,
                json:
                    #"{"kind":"dealer_agreement","startsOn":"2025-01-01","endsOn":"\#(CalendarDay.format(TestWorld.now.addingTimeInterval(20 * 86_400)))","autoRenew":false,"renewalNoticeDays":30}"#
            )
            _ = try await world.send(
                .PUT, "/api/v1/partners/\(partner.id.apiString)/contracts/\(try contract.json["id"] as! String)/document", as: staff,
                body: ContractAPITests.pdf, contentType: "application/pdf")
            let owner = try await world.member(of: partner, role: .viewer)
            let dashboard = try await world.send(.GET, "/api/v1/partners/\(partner.id.apiString)/dashboard", as: owner).json
            let orders = try #require(dashboard["orders"] as? [String: Any])
            #expect(orders["open"] as? Int == 1)
            #expect(orders["last90Days"] as? Int == 2)
            #expect((orders["revenueLast90Days"] as? [String: Any])?["amount"] as? String == "67.50")
            #expect((dashboard["loyalty"] as? [String: Any])?["balance"] as? Int == 38)  // 31.50 → 31 × 1.25
            #expect(((dashboard["performance"] as? [String: Any])?["trend"] as? [Any])?.count == 6)
            #expect((dashboard["contract"] as? [String: Any])?["status"] as? String == "renewal_due")
            #expect((dashboard["contract"] as? [String: Any])?["daysToRenewal"] as? Int == 20)
            #expect((dashboard["compliance"] as? [String: Any])?["missing"] as? [String] == ["business_licence"])
            #expect(dashboard["aiScore"] == nil || dashboard["aiScore"] is NSNull)
        }
    }

    @Test func tierReviewComparesTrailingRevenueWithTheTier() async throws {
        try await withTestApp { world in
            let staff = try await world.account(.staff)
            let partner = try await world.partner("Reviewed", tierCode: "gold")
            let month = Month(containing: TestWorld.now)
            for offset in 0..<14 {
                let row = PartnerPerformanceRecord()
                row.$partner.id = partner.id
                row.month = month.adding(-offset).description
                row.currency = "EUR"
                row.revenueMinor = 300_000  // 3,000 EUR a month
                row.orders = 3
                row.loyaltyEarned = 0
                try await row.create(on: world.app.db)
            }
            let review = try await world.send(.GET, "/api/v1/partners/\(partner.id.apiString)/tier-review", as: staff).json
            #expect((review["trailingRevenue"] as? [String: Any])?["amount"] as? String == "36000.00")
            #expect(review["currentTier"] as? String == "gold")
            #expect(review["suggestedTier"] as? String == "silver")
            #expect(review["action"] as? String == "downgrade")
            #expect((review["revenueToNextTier"] as? [String: Any])?["amount"] as? String == "64000.00")
        }
    }

    @Test func performanceIsPrivateToThePartner() async throws {
        try await withTestApp { world in
            let partner = try await world.partner("Private")
            let outsider = try await world.member(of: try await world.partner("Outsider"))
            for suffix in ["performance", "dashboard", "tier-review"] {
                try await world.send(.GET, "/api/v1/partners/\(partner.id.apiString)/\(suffix)", as: outsider).expectProblem(.notFound)
                try await world.send(.GET, "/api/v1/partners/\(partner.id.apiString)/\(suffix)").expectProblem(.unauthorized)
            }
        }
    }
}
