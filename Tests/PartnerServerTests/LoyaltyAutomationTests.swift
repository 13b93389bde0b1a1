import Fluent
import Foundation
import PartnerCore
import Testing

@testable import PartnerServer

/// `loyalty-expiry` and `loyalty-bonuses`: points that expired, and thresholds reached without an
/// earning, are booked by the automations once — through the ledger's own rules.
@Suite("Loyalty automations")
struct LoyaltyAutomationTests {
    private var now: Date { TestWorld.now }

    private func book(_ entries: [LoyaltyEntryRecord], in world: TestWorld) async throws {
        for entry in entries { try await entry.create(on: world.app.db) }
    }

    private func data(_ event: OutboxEventRecord) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(event.data.utf8)) as? [String: Any])
    }

    @Test func expiredPointsAreWrittenOffOnceWithoutAWrite() async throws {
        try await withTestApp { world in
            let partner = try await world.partner()
            let quiet = try await world.partner()
            let old = now.addingTimeInterval(-800 * 86_400)
            let lot = LoyaltyEntryRecord(
                partnerID: partner.id, kind: .earn, points: 100, occurredAt: old, expiresAt: now.addingTimeInterval(-86_400), key: "earn:a")
            try await book(
                [
                    lot,
                    LoyaltyEntryRecord(
                        partnerID: partner.id, kind: .redeem, points: -30, occurredAt: old.addingTimeInterval(86_400), expiresAt: nil,
                        key: "redeem:a"),
                    LoyaltyEntryRecord(
                        partnerID: partner.id, kind: .earn, points: 25, occurredAt: now, expiresAt: now.addingTimeInterval(86_400),
                        key: "earn:b"),
                    LoyaltyEntryRecord(
                        partnerID: quiet.id, kind: .earn, points: 10, occurredAt: now, expiresAt: now.addingTimeInterval(86_400),
                        key: "earn:c"),
                ], in: world)
            let runner = world.services.automations
            let run = try await runner.run(.loyaltyExpiry, at: now)
            #expect(run.result == .succeeded("partners 1, points expired 70; 1 partners with due expiries checked"))
            let expiries = try await LoyaltyEntryRecord.query(on: world.app.db).filter(\.$kind == .expire).all()
            #expect(expiries.map(\.points) == [-70] && expiries.first?.$partner.id == partner.id)
            let event = try data(try #require(try await world.events(ofType: "loyalty.points.expired").first))
            #expect(event["partnerId"] as? String == partner.id.apiString)
            #expect(event["points"] as? Int == 70 && event["balance"] as? Int == 25)
            let lots = try #require(event["lots"] as? [[String: Any]])
            let lotID = try lot.requireID()
            #expect(lots.count == 1 && lots.first?["entryId"] as? String == lotID.apiString)
            let alerts = try await world.services.alerts.list(of: partner.id, page: try PageRequest(limit: 5, cursor: nil)).items
            #expect(alerts.map(\.kind) == ["loyalty_points_expired"])

            _ = try await runner.run(.loyaltyExpiry, at: now)
            #expect(try await LoyaltyEntryRecord.query(on: world.app.db).filter(\.$kind == .expire).count() == 1)
            #expect(try await world.events(ofType: "loyalty.points.expired").count == 1)
            // The next write finds nothing more to write off either.
            #expect(try await world.services.loyalty.expireDue(of: partner.id, at: now) == 0)
        }
    }

    @Test func thresholdsReachedByAdjustmentEarnTheirBonusOnce() async throws {
        try await withTestApp { world in
            let partner = try await world.partner()
            let expiry = now.addingTimeInterval(365 * 86_400)
            try await book(
                [
                    LoyaltyEntryRecord(partnerID: partner.id, kind: .earn, points: 900, occurredAt: now, expiresAt: expiry, key: "earn:a"),
                    LoyaltyEntryRecord(
                        partnerID: partner.id, kind: .adjust, points: 4_200, occurredAt: now, expiresAt: expiry, key: "adj:a"),
                ], in: world)
            let runner = world.services.automations
            let run = try await runner.run(.loyaltyBonuses, at: now)
            #expect(run.result == .succeeded("loyalty.bonus.awarded 2; 1 partners below their bonuses checked"))
            let bonuses = try await LoyaltyEntryRecord.query(on: world.app.db).filter(\.$kind == .bonus).all()
            #expect(bonuses.map(\.idempotencyKey).sorted() == ["bonus:lifetime:1000", "bonus:lifetime:5000"])
            let events = try await world.events(ofType: "loyalty.bonus.awarded").map(data)
            #expect(events.compactMap { $0["threshold"] as? Int }.sorted() == [1_000, 5_000])
            #expect(events.compactMap { $0["points"] as? Int }.sorted() == [100, 500])
            #expect(events.allSatisfy { $0["lifetimeEarned"] as? Int == 5_100 && $0["partnerId"] as? String == partner.id.apiString })
            _ = try await runner.run(.loyaltyBonuses, at: now)
            #expect(try await LoyaltyEntryRecord.query(on: world.app.db).filter(\.$kind == .bonus).count() == 2)
            #expect(try await world.events(ofType: "loyalty.bonus.awarded").count == 2)
        }
    }
}
