import Fluent
import Foundation
import PartnerCore
import Testing
import Vapor
import VaporTesting

@testable import PartnerServer

@Suite("Partner loyalty")
struct PartnerLoyaltyTests {
    private func key() -> HTTPHeaders { ["Idempotency-Key": UUID().uuidString] }

    private func grant(_ points: Int, to partner: Partner, as staff: TestWorld.Account, in world: TestWorld) async throws {
        let response = try await world.send(
            .POST, "/api/v1/partners/\(partner.id.apiString)/loyalty/adjust", as: staff,
            json: #"{"points":\#(points),"reason":"Welcome"}"#,
            headers: key())
        #expect(response.status == .created)
    }

    private func balance(of partner: Partner, as account: TestWorld.Account, in world: TestWorld) async throws -> Int {
        try #require(try await world.send(.GET, "/api/v1/partners/\(partner.id.apiString)/loyalty", as: account).json["balance"] as? Int)
    }

    @Test func deliveredOrdersEarnPointsOnceScaledByTier() async throws {
        try await withTestApp { world in
            let staff = try await world.account(.staff)
            try await world.seedCatalogue(as: staff)
            let partner = try await world.partner("Loyal Dealer", tierCode: "gold")
            let created = try await world.send(
                .POST, "/api/v1/partners/\(partner.id.apiString)/orders", as: staff,
                json: #"{"items":[{"sku":"LIP-001","quantity":3},{"sku":"SER-001","quantity":1}]}"#, headers: key())
            let status = "/api/v1/partners/\(partner.id.apiString)/orders/\(try created.json["id"] as! String)/status"
            for next in ["confirmed", "shipped"] { _ = try await world.send(.POST, status, as: staff, json: #"{"status":"\#(next)"}"#) }
            #expect(try await balance(of: partner, as: staff, in: world) == 0)
            _ = try await world.send(.POST, status, as: staff, json: #"{"status":"delivered"}"#)
            let account = try await world.send(.GET, "/api/v1/partners/\(partner.id.apiString)/loyalty", as: staff).json
            #expect(account["balance"] as? Int == 106)  // 85.50 EUR → 85 points × 1.25 (gold)
            let entries = try #require(account["entries"] as? [[String: Any]])
            #expect(entries.first?["kind"] as? String == "earn")
            #expect((entries.first?["reference"] as? String)?.hasPrefix("order:PO-") == true)
            #expect(entries.first?["expiresAt"] is String)
        }
    }

    @Test func crossingAThresholdBooksItsBonusOnce() async throws {
        try await withTestApp { world in
            let staff = try await world.account(.staff)
            try await world.seedCatalogue(as: staff)
            let partner = try await world.partner("Bonus Dealer", tierCode: "bronze")
            try await grant(990, to: partner, as: staff, in: world)
            let created = try await world.send(
                .POST, "/api/v1/partners/\(partner.id.apiString)/orders", as: staff, json: #"{"items":[{"sku":"SER-001","quantity":1}]}"#,
                headers: key())
            let status = "/api/v1/partners/\(partner.id.apiString)/orders/\(try created.json["id"] as! String)/status"
            for next in ["confirmed", "shipped", "delivered"] {
                _ = try await world.send(.POST, status, as: staff, json: #"{"status":"\#(next)"}"#)
            }
            #expect(try await balance(of: partner, as: staff, in: world) == 990 + 35 + 100)
            let bonuses = try await LoyaltyEntryRecord.query(on: world.app.db).filter(\.$kind == .bonus).count()
            #expect(bonuses == 1)
        }
    }

    @Test func redeemSpendsAndRefusesToOverdraw() async throws {
        try await withTestApp { world in
            let staff = try await world.account(.staff)
            let partner = try await world.partner()
            let owner = try await world.member(of: partner, role: .owner)
            try await grant(100, to: partner, as: staff, in: world)
            let path = "/api/v1/partners/\(partner.id.apiString)/loyalty/redeem"
            let spent = try await world.send(.POST, path, as: owner, json: #"{"points":60,"note":"Display kit"}"#, headers: key())
            #expect(spent.status == .created)
            #expect(try spent.json["balance"] as? Int == 40)
            #expect((try spent.json["entry"] as? [String: Any])?["points"] as? Int == -60)
            let short = try await world.send(.POST, path, as: owner, json: #"{"points":41}"#, headers: key())
            try short.expectProblem(.unprocessableEntity)
            #expect(try short.problem.errors?.first?.message.contains("balance of 40") == true)
            try await world.send(.POST, path, as: owner, json: #"{"points":0}"#, headers: key()).expectProblem(.unprocessableEntity)
            try await world.send(.POST, path, as: owner, json: #"{"points":5}"#).expectProblem(.badRequest)
            #expect(try await balance(of: partner, as: owner, in: world) == 40)
            #expect(try await world.events(ofType: "loyalty.points.booked").count == 2)  // the grant and the redemption
        }
    }

    @Test func fiftyConcurrentRedeemsOfTheLastPointsNeverOverdraw() async throws {
        try await withTestApp { world in
            let staff = try await world.account(.staff)
            let partner = try await world.partner()
            let owner = try await world.member(of: partner, role: .owner)
            try await grant(100, to: partner, as: staff, in: world)
            let path = "/api/v1/partners/\(partner.id.apiString)/loyalty/redeem"
            let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for _ in 0..<50 {
                    group.addTask { try await world.send(.POST, path, as: owner, json: #"{"points":10}"#, headers: key()).status }
                }
                return try await group.reduce(into: [HTTPStatus]()) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == .created }.count == 10)
            #expect(statuses.filter { $0 == .unprocessableEntity }.count == 40)
            #expect(try await balance(of: partner, as: owner, in: world) == 0)
        }
    }

    @Test func replaysDoNotSpendTwice() async throws {
        try await withTestApp { world in
            let staff = try await world.account(.staff)
            let partner = try await world.partner()
            let owner = try await world.member(of: partner, role: .manager)
            try await grant(100, to: partner, as: staff, in: world)
            let path = "/api/v1/partners/\(partner.id.apiString)/loyalty/redeem"
            let headers: HTTPHeaders = ["Idempotency-Key": "redeem-kit-0001"]
            let first = try await world.send(.POST, path, as: owner, json: #"{"points":30}"#, headers: headers)
            let replay = try await world.send(.POST, path, as: owner, json: #"{"points":30}"#, headers: headers)
            #expect(
                try (first.json["entry"] as? [String: Any])?["id"] as? String == (replay.json["entry"] as? [String: Any])?["id"] as? String)
            try await world.send(.POST, path, as: owner, json: #"{"points":31}"#, headers: headers).expectProblem(.unprocessableEntity)
            #expect(try await balance(of: partner, as: owner, in: world) == 70)
        }
    }

    @Test func adjustmentsAreForHeadquartersAndKeepTheBalancePositive() async throws {
        try await withTestApp { world in
            let staff = try await world.account(.staff)
            let partner = try await world.partner()
            let owner = try await world.member(of: partner, role: .owner)
            let path = "/api/v1/partners/\(partner.id.apiString)/loyalty/adjust"
            try await world.send(.POST, path, as: owner, json: #"{"points":500,"reason":"Self-service"}"#, headers: key()).expectProblem(
                .forbidden)
            try await world.send(.POST, path, as: staff, json: #"{"points":-1,"reason":"Correction"}"#, headers: key())
                .expectProblem(.unprocessableEntity)
            let invalid = try await world.send(.POST, path, as: staff, json: #"{"points":0,"reason":""}"#, headers: key())
            #expect(try Set(invalid.fieldErrors()) == ["points", "reason"])
            try await grant(50, to: partner, as: staff, in: world)
            let down = try await world.send(.POST, path, as: staff, json: #"{"points":-20,"reason":"Returned goods"}"#, headers: key())
            #expect(try down.json["balance"] as? Int == 30)
        }
    }

    @Test func expiredPointsAreWrittenOffOldestFirst() async throws {
        try await withTestApp { world in
            let staff = try await world.account(.staff)
            let partner = try await world.partner()
            let now = TestWorld.now
            let old = now.addingTimeInterval(-800 * 86_400)
            let recent = now.addingTimeInterval(-700 * 86_400)
            let rules = LoyaltyRules()
            let entries = [
                LoyaltyEntryRecord(
                    partnerID: partner.id, kind: .earn, points: 100, occurredAt: old, expiresAt: rules.expiry(of: old), key: "earn:a"),
                LoyaltyEntryRecord(
                    partnerID: partner.id, kind: .redeem, points: -30, occurredAt: old.addingTimeInterval(86_400), expiresAt: nil,
                    key: "redeem:a"),
                LoyaltyEntryRecord(
                    partnerID: partner.id, kind: .earn, points: 50, occurredAt: recent, expiresAt: now.addingTimeInterval(10 * 86_400),
                    key: "earn:b"),
                LoyaltyEntryRecord(
                    partnerID: partner.id, kind: .earn, points: 25, occurredAt: now, expiresAt: rules.expiry(of: now), key: "earn:c"),
            ]
            for entry in entries { try await entry.create(on: world.app.db) }
            let account = try await world.send(.GET, "/api/v1/partners/\(partner.id.apiString)/loyalty", as: staff).json
            #expect(account["balance"] as? Int == 75)
            let expiring = try #require(account["expiringSoon"] as? [[String: Any]])
            #expect(expiring.compactMap { $0["points"] as? Int } == [50])
            // Reading wrote nothing; the next write books the write-off exactly once.
            #expect(try await LoyaltyEntryRecord.query(on: world.app.db).filter(\.$kind == .expire).count() == 0)
            let redeemed = try await world.send(
                .POST, "/api/v1/partners/\(partner.id.apiString)/loyalty/redeem", as: staff, json: #"{"points":75}"#, headers: key())
            #expect(try redeemed.json["balance"] as? Int == 0)
            let expired = try await LoyaltyEntryRecord.query(on: world.app.db).filter(\.$kind == .expire).all()
            #expect(expired.map(\.points) == [-70])
            try await world.send(
                .POST, "/api/v1/partners/\(partner.id.apiString)/loyalty/redeem", as: staff, json: #"{"points":1}"#, headers: key()
            )
            .expectProblem(.unprocessableEntity)
            #expect(try await LoyaltyEntryRecord.query(on: world.app.db).filter(\.$kind == .expire).count() == 1)
        }
    }

    @Test func theLedgerIsAppendOnlyInTheDatabase() async throws {
        try await withTestApp { world in
            let partner = try await world.partner()
            let entry = LoyaltyEntryRecord(
                partnerID: partner.id, kind: .earn, points: 10, occurredAt: TestWorld.now, expiresAt: nil, key: "earn:x")
            try await entry.create(on: world.app.db)
            entry.points = 10_000
            await #expect(throws: (any Error).self) { try await entry.update(on: world.app.db) }
            await #expect(throws: (any Error).self) { try await entry.delete(on: world.app.db) }
            #expect(try await LoyaltyEntryRecord.query(on: world.app.db).first()?.points == 10)
        }
    }

    @Test func loyaltyIsPrivateToThePartner() async throws {
        try await withTestApp { world in
            let partner = try await world.partner("Private")
            let other = try await world.partner("Other")
            let outsider = try await world.member(of: other, role: .owner)
            let viewer = try await world.member(of: partner, role: .viewer)
            let base = "/api/v1/partners/\(partner.id.apiString)/loyalty"
            try await world.send(.GET, base, as: outsider).expectProblem(.notFound)
            try await world.send(.POST, base + "/redeem", as: outsider, json: #"{"points":1}"#, headers: key()).expectProblem(.notFound)
            try await world.send(.POST, base + "/adjust", as: outsider, json: #"{"points":1,"reason":"Nope"}"#, headers: key())
                .expectProblem(.notFound)
            try await world.send(.POST, base + "/redeem", as: viewer, json: #"{"points":1}"#, headers: key()).expectProblem(.forbidden)
            #expect(try await world.send(.GET, base, as: viewer).status == .ok)
            try await world.send(.GET, base).expectProblem(.unauthorized)
        }
    }
}
