import Fluent
import Foundation
import PartnerCore
import Testing
import Vapor
import VaporTesting

@testable import PartnerServer

@Suite("Stand performance, loyalty and payouts")
struct StandReportTests {
    private func owner(of stand: TestWorld.Stand, _ world: TestWorld, role: MemberRole = .owner) async throws -> TestWorld.Account {
        try await world.member(of: try await world.partner(of: stand), role: role)
    }

    private func iso(_ date: Date) -> String { ISO8601DateFormatter().string(from: date) }

    @Test func performanceSumsThePeriodAndRanksAgainstPeers() async throws {
        try await withTestApp { world in
            let staff = try await world.account(.staff)
            try await world.seedCatalogue(as: staff)
            let stand = try await world.enrolStand(as: staff, name: "Ranked", locations: 2)
            let weak = try await world.enrolStand(as: staff, name: "Weak Peer")
            let strong = try await world.enrolStand(as: staff, name: "Strong Peer")
            _ = try await world.enrolStand(as: staff, name: "Other Package", package: "pro")
            let today = CalendarDay.startOfDay(TestWorld.now)
            let yesterday = iso(today.addingTimeInterval(-86_400 + 3_600))
            _ = try await world.sale(
                stand, #"[{"sku":"LIP-001","quantity":2}]"#, as: staff, location: stand.locations[0], soldAt: yesterday)
            _ = try await world.sale(
                stand, #"[{"sku":"SER-001","quantity":1}]"#, as: staff, location: stand.locations[1], soldAt: yesterday)
            // Outside the period: 40 days ago.
            _ = try await world.sale(
                stand, #"[{"sku":"SER-001","quantity":1}]"#, as: staff, location: stand.locations[1],
                soldAt: iso(today.addingTimeInterval(-40 * 86_400)))
            _ = try await world.sale(weak, #"[{"sku":"LIP-001","quantity":1}]"#, as: staff, soldAt: yesterday)
            _ = try await world.sale(strong, #"[{"sku":"SER-001","quantity":4}]"#, as: staff, soldAt: yesterday)

            let owner = try await owner(of: stand, world)
            let reportResponse = try await world.send(.GET, "/api/v1/stand/performance/\(stand.id)", as: owner)
            #expect(reportResponse.status == .ok, "\(reportResponse.body.string)")
            let report = try reportResponse.json
            #expect((report["revenue"] as? [String: Any])?["amount"] as? String == "75.00")
            #expect(report["units"] as? Int == 3)
            #expect(report["salesCount"] as? Int == 2)
            #expect((report["averageBasket"] as? [String: Any])?["amount"] as? String == "37.50")
            // Peers of the same package and region: one sold less (20.00), one more (140.00).
            #expect(report["peerCount"] as? Int == 2)
            #expect(report["rankPercentile"] as? Double == 50)
            // 3 sold; 2 × (12 + 5) − 4 = 30 still on the shelves (the older sale took one too): 3 / 33.
            #expect(report["sellThroughPercent"] as? Double == 9.1)
            #expect(report["stockOutDays"] as? Int == 0)
            // Points are dated by the sale: 40.00 × 1.5 + 35.00 × 1.5 (rounded down per sale).
            #expect(report["loyaltyPointsEarned"] as? Int == 112)
            let skus = try #require(report["topSellers"] as? [[String: Any]])
            #expect(skus.first?["sku"] as? String == "LIP-001")
            // Per SKU: sold in the period, and on the shelves now over both locations.
            let rows = try #require(report["skus"] as? [[String: Any]])
            let lipstick = rows.first { $0["sku"] as? String == "LIP-001" }
            let serum = rows.first { $0["sku"] as? String == "SER-001" }
            #expect(lipstick?["units"] as? Int == 2 && lipstick?["onHand"] as? Int == 22)
            #expect(serum?["units"] as? Int == 1 && serum?["onHand"] as? Int == 8)
            #expect(rows.count == Set(rows.compactMap { $0["sku"] as? String }).count)
            #expect((report["locations"] as? [[String: Any]])?.count == 2)
            // The opening refills were requested and delivered in the same instant.
            #expect(report["refillLeadTimeDays"] as? Double == 0)

            let older = try await world.send(
                .GET, "/api/v1/stand/performance/\(stand.id)?from=\(CalendarDay.format(today.addingTimeInterval(-60 * 86_400)))", as: owner
            ).json
            #expect(older["salesCount"] as? Int == 3)
            try await world.send(.GET, "/api/v1/stand/performance/\(stand.id)?from=2026-02-01&to=2026-01-01", as: owner)
                .expectProblem(.unprocessableEntity)
            try await world.send(.GET, "/api/v1/stand/performance/\(stand.id)?from=yesterday", as: owner).expectProblem(
                .unprocessableEntity)
            try await world.send(.GET, "/api/v1/stand/performance/\(stand.id)?from=2000-01-01", as: owner).expectProblem(
                .unprocessableEntity)
            try await world.send(.GET, "/api/v1/stand/performance/\(weak.id)", as: owner).expectProblem(.notFound)
            try await world.send(.GET, "/api/v1/stand/performance/\(stand.id)").expectProblem(.unauthorized)
        }
    }

    @Test func stockOutsCountDaysAndBreakTheStreak() async throws {
        try await withTestApp { world in
            let staff = try await world.account(.staff)
            try await world.seedCatalogue(as: staff)
            let stand = try await world.enrolStand(as: staff, package: "starter")
            // Enrolled 31 days ago without a stock-out: the next sale books one streak bonus.
            let record = try #require(try await StandPartnerRecord.find(UUID(uuidString: stand.id), on: world.app.db))
            record.joinedAt = TestWorld.now.addingTimeInterval(-31 * 86_400)
            try await record.update(on: world.app.db)
            _ = try await world.sale(stand, #"[{"sku":"SER-001","quantity":1}]"#, as: staff)
            func streakBonuses() async throws -> [StandLoyaltyLedgerRecord] {
                try await StandLoyaltyLedgerRecord.query(on: world.app.db).filter(\.$kind == .bonus).all()
                    .filter { $0.idempotencyKey.hasPrefix("bonus:streak:") }
            }
            let first = try await streakBonuses()
            #expect(first.map(\.points) == [200])
            #expect(first.first?.note == "30 days without a stock-out")
            // Emptying the shelf breaks the streak: the next sale earns no second bonus.
            _ = try await world.sale(stand, #"[{"sku":"SER-001","quantity":4}]"#, as: staff)
            _ = try await world.sale(stand, #"[{"sku":"LIP-001","quantity":1}]"#, as: staff)
            #expect(try await streakBonuses().count == 1)
            let report = try await world.send(.GET, "/api/v1/stand/performance/\(stand.id)", as: staff).json
            #expect(report["stockOutDays"] as? Int == 1)
            let summary = try await world.send(.GET, "/api/v1/stand/performance/\(stand.id)", as: staff).json
            #expect(((summary["skus"] as? [[String: Any]])?.first { $0["sku"] as? String == "SER-001" })?["onHand"] as? Int == 0)
        }
    }

    @Test func loyaltyIsAnAppendOnlyLedgerWithMilestones() async throws {
        try await withTestApp { world in
            let staff = try await world.account(.staff)
            try await world.seedCatalogue(as: staff)
            let stand = try await world.enrolStand(as: staff, package: "pro")
            // 30 serums at 35.00 = 1,050.00: 2,100 points and the 1,000 sales milestone bonus.
            let sale = try await world.sale(stand, #"[{"sku":"SER-001","quantity":30}]"#, as: staff)
            #expect(try sale.json["pointsEarned"] as? Int == 2_100)
            let owner = try await owner(of: stand, world, role: .viewer)
            let account = try await world.send(.GET, "\(stand.path)/loyalty?limit=1", as: owner).json
            #expect(account["balance"] as? Int == 2_200)
            #expect(account["lifetimeEarned"] as? Int == 2_200)
            #expect((account["entries"] as? [[String: Any]])?.count == 1)
            let cursor = try #require(account["nextCursor"] as? String)
            let next = try await world.send(.GET, "\(stand.path)/loyalty?limit=1&cursor=\(cursor)", as: owner).json
            let kinds = [account, next].compactMap { (($0["entries"] as? [[String: Any]])?.first)?["kind"] as? String }
            #expect(Set(kinds) == ["earn", "bonus"])
            let entry = try #require(try await StandLoyaltyLedgerRecord.query(on: world.app.db).first())
            entry.points = 1
            await #expect(throws: (any Error).self) { try await entry.update(on: world.app.db) }
            let other = try await world.enrolStand(as: staff, name: "Different")
            try await world.send(.GET, "\(other.path)/loyalty", as: owner).expectProblem(.notFound)
        }
    }

    @Test func payoutsAccrueAndCloseOncePerMonth() async throws {
        try await withTestApp { world in
            let staff = try await world.account(.staff)
            try await world.seedCatalogue(as: staff)
            let stand = try await world.enrolStand(as: staff, package: "plus")
            let lastMonth = Month(containing: TestWorld.now).adding(-1)
            _ = try await world.sale(
                stand, #"[{"sku":"SER-001","quantity":2}]"#, as: staff, soldAt: iso(lastMonth.start.addingTimeInterval(86_400)))
            _ = try await world.sale(stand, #"[{"sku":"LIP-001","quantity":1}]"#, as: staff)
            let owner = try await owner(of: stand, world)
            let before = try await world.send(.GET, "\(stand.path)/payouts", as: owner).json
            let accruing = try #require((before["items"] as? [[String: Any]])?.first)
            #expect(accruing["status"] as? String == "accruing")
            // Plus earns 12 % of 20.00.
            #expect((accruing["commission"] as? [String: Any])?["amount"] as? String == "2.40")

            let close = #"{"period":"\#(lastMonth.description)"}"#
            try await world.send(.POST, "/api/v1/stand/payouts/close", as: owner, json: close).expectProblem(.forbidden)
            let closed = try await world.send(.POST, "/api/v1/stand/payouts/close", as: staff, json: close).json
            #expect(closed["payouts"] as? Int == 1)
            #expect((closed["totalCommission"] as? [String: Any])?["amount"] as? String == "8.40")
            let again = try await world.send(.POST, "/api/v1/stand/payouts/close", as: staff, json: close).json
            #expect(again["payouts"] as? Int == 0)
            #expect(try await world.events(ofType: "payout.due").count == 1)
            let after = try await world.send(.GET, "\(stand.path)/payouts", as: owner).json
            #expect((after["items"] as? [[String: Any]])?.map { $0["status"] as? String } == ["accruing", "due"])
            let current = Month(containing: TestWorld.now).description
            #expect(
                try await world.send(.POST, "/api/v1/stand/payouts/close", as: staff, json: #"{"period":"\#(current)"}"#).fieldErrors()
                    == ["period"])
            #expect(
                try await world.send(.POST, "/api/v1/stand/payouts/close", as: staff, json: #"{"period":"May"}"#).fieldErrors() == [
                    "period"
                ])
            let other = try await world.enrolStand(as: staff, name: "Unrelated", stocked: false)
            try await world.send(.GET, "\(other.path)/payouts", as: owner).expectProblem(.notFound)
            try await world.send(.GET, "/api/v1/partners/\(other.id)/alerts", as: owner).expectProblem(.notFound)
        }
    }
}
