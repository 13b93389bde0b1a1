import Fluent
import Foundation
import PartnerCore
import Testing
import Vapor
import VaporTesting

@testable import PartnerServer

@Suite("AI Partner Advisor: dealers")
struct DealerAdvisorTests {
    /// Places an order through the API and moves it `daysAgo` into the past.
    @discardableResult
    private func order(_ lines: String, for partner: Partner, daysAgo: Double, as staff: TestWorld.Account, in world: TestWorld)
        async throws -> UUID
    {
        let created = try await world.send(
            .POST, "/api/v1/partners/\(partner.id.apiString)/orders", as: staff, json: #"{"items":[\#(lines)]}"#,
            headers: ["Idempotency-Key": UUID().uuidString])
        let raw = try #require(try created.json["id"] as? String, "\(created.body.string)")
        let id = try #require(UUID(uuidString: raw))
        let record = try #require(try await PartnerOrderRecord.find(id, on: world.app.db))
        record.place(at: TestWorld.now.addingTimeInterval(-daysAgo * 86_400))
        try await record.update(on: world.app.db)
        return id
    }

    @Test func dealersAreRankedByRiskAndPaged() async throws {
        try await withTestApp { world in
            let staff = try await world.account(.staff)
            try await world.seedCatalogue(as: staff)
            let busy = try await world.partner("Busy Dealer")
            let quiet = try await world.partner("Quiet Dealer")
            _ = try await world.partner("A Salon", type: .salon)
            for days in [70.0, 40, 10] {
                try await order(#"{"sku":"SER-001","quantity":1}"#, for: busy, daysAgo: days, as: staff, in: world)
            }
            let path = "/api/v1/dealers/ai/insights"
            let ranked = try await world.send(.GET, path, as: staff)
            #expect(ranked.status == .ok, "\(ranked.body.string)")
            let items = try #require(try ranked.json["items"] as? [[String: Any]])
            #expect(items.compactMap { $0["companyName"] as? String } == ["Quiet Dealer", "Busy Dealer"])
            let scores = items.compactMap { $0["score"] as? Int }
            #expect(scores == scores.sorted())
            #expect((items[0]["topFactors"] as? [[String: Any]])?.count == 3)
            #expect((items[0]["topFactors"] as? [[String: Any]])?.first?["key"] as? String == "order_recency")
            #expect(try await world.events(ofType: "ai.insight.created").count == 2)
            // Fresh insights are read, not scored again.
            _ = try await world.send(.GET, path, as: staff)
            #expect(try await world.events(ofType: "ai.insight.created").count == 2)

            let first = try await world.send(.GET, path + "?limit=1", as: staff).json
            let cursor = try #require(first["nextCursor"] as? String)
            let second = try await world.send(.GET, path + "?limit=1&cursor=\(cursor)", as: staff).json
            #expect((second["items"] as? [[String: Any]])?.first?["companyName"] as? String == "Busy Dealer")
            #expect(second["nextCursor"] is NSNull || second["nextCursor"] == nil)
            let act = try await world.send(.GET, path + "?level=act", as: staff).json
            #expect((act["items"] as? [[String: Any]])?.allSatisfy { $0["level"] as? String == "act" } == true)

            let member = try await world.member(of: busy, role: .viewer)
            let own = try await world.send(.GET, path, as: member).json
            #expect((own["items"] as? [[String: Any]])?.compactMap { $0["companyName"] as? String } == ["Busy Dealer"])
            try await world.send(.GET, path + "?dealerId=\(quiet.id.apiString)", as: member).expectProblem(.notFound)
            try await world.send(.GET, path + "?dealerId=nope", as: staff).expectProblem(.unprocessableEntity)
            try await world.send(.GET, path).expectProblem(.unauthorized)
            let admin = try await world.account(.admin)
            let writer = try await world.serviceToken(#""orders:write""#, as: admin)
            try await world.send(.GET, path, headers: writer).expectProblem(.forbidden)
        }
    }

    @Test func reorderSuggestionsFollowTheDealersRhythm() async throws {
        try await withTestApp { world in
            let staff = try await world.account(.staff)
            try await world.seedCatalogue(as: staff)
            let mask =
                #"{"sku":"MSK-001","name":"Clay Mask","category":"skin","listPrice":{"amount":"12.00","currency":"EUR"}}"#
            #expect(try await world.send(.POST, "/api/v1/products", as: staff, json: mask).status == .created)
            let dealer = try await world.partner("Rhythm Dealer")
            for days in [90.0, 60, 31] {
                try await order(#"{"sku":"SER-001","quantity":2}"#, for: dealer, daysAgo: days, as: staff, in: world)
            }
            try await order(#"{"sku":"LIP-001","quantity":6}"#, for: dealer, daysAgo: 5, as: staff, in: world)
            // Five other partners buy serum with lipstick, and masks alone: a pair seen at five partners.
            for index in 0..<5 {
                let peer = try await world.partner("Peer \(index)")
                try await order(
                    #"{"sku":"SER-001","quantity":1},{"sku":"LIP-001","quantity":6}"#, for: peer, daysAgo: 20, as: staff, in: world)
                try await order(#"{"sku":"MSK-001","quantity":1}"#, for: peer, daysAgo: 15, as: staff, in: world)
            }
            let owner = try await world.member(of: dealer, role: .owner)
            let path = "/api/v1/dealers/ai/re-order-suggestion"
            let response = try await world.send(.GET, path, as: owner)
            #expect(response.status == .ok, "\(response.body.string)")
            let body = try response.json
            #expect(body["dealerId"] as? String == dealer.id.apiString)
            #expect(body["horizonDays"] as? Int == 30)
            let items = try #require(body["items"] as? [[String: Any]])
            #expect(items.compactMap { $0["sku"] as? String } == ["SER-001"])
            #expect(items.first?["quantity"] as? Int == 2)
            #expect((items.first?["unitPrice"] as? [String: Any])?["amount"] as? String == "35.00")
            #expect((items.first?["lineTotal"] as? [String: Any])?["amount"] as? String == "70.00")
            #expect(items.first?["predictedOrderDate"] as? String == "2026-11-18")
            #expect((items.first?["confidence"] as? Double).map { (0...1).contains($0) } == true)
            let pairs = try #require(body["boughtTogether"] as? [[String: Any]])
            #expect(pairs.first?["sku"] as? String == "SER-001")
            #expect(pairs.first?["with"] as? [String] == ["LIP-001"])
            #expect((pairs.first?["lift"] as? Double ?? 0) > 1)
            #expect(body["promotions"] is [Any])

            #expect(try await world.send(.GET, path + "?dealerId=\(dealer.id.apiString)&horizonDays=1", as: staff).status == .ok)
            try await world.send(.GET, path, as: staff).expectProblem(.unprocessableEntity)
            try await world.send(.GET, path + "?horizonDays=0", as: owner).expectProblem(.unprocessableEntity)
            try await world.send(.GET, path + "?horizonDays=181", as: owner).expectProblem(.unprocessableEntity)
            let other = try await world.partner("Other Dealer")
            try await world.send(.GET, path + "?dealerId=\(other.id.apiString)", as: owner).expectProblem(.notFound)
            let salon = try await world.partner("A Salon", type: .salon)
            try await world.send(.GET, path + "?dealerId=\(salon.id.apiString)", as: staff).expectProblem(.notFound)
            try await world.send(.GET, path).expectProblem(.unauthorized)
            let admin = try await world.account(.admin)
            let writer = try await world.serviceToken(#""orders:write""#, as: admin)
            try await world.send(.GET, path + "?dealerId=\(dealer.id.apiString)", headers: writer).expectProblem(.forbidden)
        }
    }
}
