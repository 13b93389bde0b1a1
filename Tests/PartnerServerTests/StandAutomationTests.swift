import Fluent
import Foundation
import PartnerCore
import Testing
import Vapor
import VaporTesting

@testable import PartnerServer

/// `payouts-close`, `low-stock-sweep`, `stand-streak-bonuses`, `ai-refresh` and `prune`: each does
/// its work once; a second run at the same moment does nothing.
@Suite("Stand and housekeeping automations")
struct StandAutomationTests {
    private var now: Date { TestWorld.now }

    private func standID(_ stand: TestWorld.Stand) throws -> UUID { try #require(UUID(uuidString: stand.id)) }

    private func joined(_ stand: TestWorld.Stand, daysAgo: Double, in world: TestWorld) async throws {
        let record = try #require(try await StandPartnerRecord.find(try standID(stand), on: world.app.db))
        record.joinedAt = now.addingTimeInterval(-daysAgo * 86_400)
        try await record.update(on: world.app.db)
    }

    @Test func lastMonthsPayoutsCloseOnce() async throws {
        try await withTestApp { world in
            let (_, stand, manager) = try await world.stockedStand()
            try await joined(stand, daysAgo: 60, in: world)
            let lastMonth = Month(containing: now).adding(-1)
            let soldAt = ISO8601DateFormatter().string(from: lastMonth.start.addingTimeInterval(86_400))
            let sale = try await world.sale(stand, #"[{"sku":"LIP-001","quantity":2}]"#, as: manager, soldAt: soldAt)
            #expect(sale.status == .created, "\(sale.body.string)")
            let runner = world.services.automations
            let first = try await runner.run(.payoutsClose, at: now)
            guard case .succeeded(let summary) = first.result else {
                Issue.record("the close failed: \(first.result)")
                return
            }
            #expect(summary.hasPrefix("2026-10: 1 payouts booked"))
            #expect(try await world.events(ofType: "payout.due").count == 1)
            let alerts = try await world.services.alerts.list(of: try standID(stand), page: try PageRequest(limit: 20, cursor: nil))
            #expect(alerts.items.filter { $0.kind == "payout_due" }.count == 1)
            #expect(try await runner.run(.payoutsClose, at: now).result == .succeeded("2026-10: 0 payouts booked, commission 0.00 EUR"))
            #expect(try await world.events(ofType: "payout.due").count == 1)
            #expect(try await StandPayoutRecord.query(on: world.app.db).count() == 1)
        }
    }

    @Test func theSweepReactsToLowShelvesOncePerDay() async throws {
        try await withTestApp { world in
            let (_, stand, _) = try await world.stockedStand()
            // Stock ran low without a sale noticing (a count elsewhere, a raised reorder point).
            let line = try #require(
                try await StandInventoryRecord.query(on: world.app.db).filter(\.$stand.$id == (try standID(stand)))
                    .filter(\.$sku == "LIP-001").first())
            line.onHand = line.minLevel
            try await line.update(on: world.app.db)
            let refillsBefore = try await StandRefillOrderRecord.query(on: world.app.db).count()
            let runner = world.services.automations
            #expect(try await runner.run(.lowStockSweep, at: now).result == .succeeded("locations low 1; 1 stands checked"))
            let events = try await world.events(ofType: "stand.low_stock")
            #expect(events.count == 1 && events.first?.data.contains("LIP-001") == true)
            // The plus package refills automatically.
            #expect(try await StandRefillOrderRecord.query(on: world.app.db).count() == refillsBefore + 1)
            _ = try await runner.run(.lowStockSweep, at: now)
            #expect(try await world.events(ofType: "stand.low_stock").count == 1)
            #expect(try await StandRefillOrderRecord.query(on: world.app.db).count() == refillsBefore + 1)
            let alerts = try await world.services.alerts.list(of: try standID(stand), page: try PageRequest(limit: 20, cursor: nil))
            #expect(alerts.items.filter { $0.kind == "stand_low_stock" }.count == 1)
        }
    }

    @Test func quietStandsGetTheirStreakBonusesOnce() async throws {
        try await withTestApp { world in
            let (_, stand, _) = try await world.stockedStand()
            try await joined(stand, daysAgo: 65, in: world)
            let runner = world.services.automations
            let run = try await runner.run(.standStreakBonuses, at: now)
            #expect(run.result == .succeeded("stand.streak.bonus.awarded 2; 1 stands without a sale today checked"))
            let events = try await world.events(ofType: "stand.streak.bonus.awarded")
            #expect(events.count == 2)
            let first = try #require(events.first)
            let data = try #require(try JSONSerialization.jsonObject(with: Data(first.data.utf8)) as? [String: Any])
            #expect(data["standId"] as? String == stand.id && data["points"] as? Int == 200)
            _ = try await runner.run(.standStreakBonuses, at: now)
            #expect(try await world.events(ofType: "stand.streak.bonus.awarded").count == 2)
            let bonuses = try await StandLoyaltyLedgerRecord.query(on: world.app.db).filter(\.$kind == .bonus).count()
            #expect(bonuses == 2)
        }
    }

    @Test func insightsAndForecastsAreRefreshedOnceADay() async throws {
        try await withTestApp { world in
            let (_, stand, _) = try await world.stockedStand()
            try await world.salesHistory(stand, days: 60) { day, sku in sku == "LIP-001" ? day % 2 : 1 }
            _ = try await world.partner()
            let runner = world.services.automations
            let first = try await runner.run(.aiRefresh, at: now)
            guard case .succeeded(let summary) = first.result else {
                Issue.record("the refresh failed: \(first.result)")
                return
            }
            #expect(summary.contains("refill forecasts 1"))
            let partnerInsights = try await PartnerAIInsightRecord.query(on: world.app.db).count()
            let standInsights = try await StandAIInsightRecord.query(on: world.app.db).count()
            #expect(partnerInsights > 0 && standInsights == 1)
            #expect(try await StandReorderPointRecord.query(on: world.app.db).count() > 0)
            #expect(try await runner.run(.aiRefresh, at: now).result == .succeeded("nothing new; 2 active partners checked"))
            #expect(try await PartnerAIInsightRecord.query(on: world.app.db).count() == partnerInsights)
            #expect(try await StandAIInsightRecord.query(on: world.app.db).count() == standInsights)
        }
    }

    /// Events go as a prefix of the feed's positions, only once the relay has passed them, and the
    /// feed then answers a cursor inside the pruned prefix with 410.
    @Test func pruneDeletesWhatOutlivedItsRetention() async throws {
        try await withTestApp { world in
            for (key, age) in [("old", 8.0), ("fresh", 1.0)] {
                try await IdempotencyRecord(
                    scope: "test", key: key, requestHash: "h", responseBody: "{}", createdAt: now.addingTimeInterval(-age * 86_400)
                ).create(on: world.app.db)
            }
            let partnerID = UUID()
            for age in [31.0, 29.0] {
                try await world.services.writes.transaction(on: world.app.db) { db in
                    try await EventOutbox.append(
                        PartnerEvents.statusChanged(id: partnerID, from: .active, to: .suspended), on: db,
                        at: TestWorld.now.addingTimeInterval(-age * 86_400))
                }
            }
            let runner = world.services.automations
            #expect(try await runner.run(.prune, at: now).result == .succeeded("1 idempotency keys and 0 events deleted"))
            _ = try await world.services.relay.runOnce()
            let events = try await OutboxEventRecord.query(on: world.app.db).count()
            #expect(try await runner.run(.prune, at: now).result == .succeeded("0 idempotency keys and 1 events deleted"))
            #expect(try await IdempotencyRecord.query(on: world.app.db).all().map(\.key) == ["fresh"])
            #expect(try await OutboxEventRecord.query(on: world.app.db).count() == events - 1)
            #expect(try await runner.run(.prune, at: now).result == .succeeded("0 idempotency keys and 0 events deleted"))
            let staff = try await world.account(.staff)
            try await world.send(.GET, "/api/v1/events?after=0", as: staff).expectProblem(.gone)
            #expect(try await world.send(.GET, "/api/v1/events?after=1", as: staff).status == .ok)
        }
    }
}
