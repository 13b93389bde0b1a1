import Fluent
import Foundation
import PartnerCore
import Testing
import Vapor
import VaporTesting

@testable import PartnerServer

@Suite("AI Partner Advisor: price anomalies")
struct PriceAnomalyAPITests {
    static let path = "/api/v1/partners/ai/price-anomaly"

    private func order(_ lines: String, for partner: Partner, as staff: TestWorld.Account, in world: TestWorld) async throws -> String {
        let created = try await world.send(
            .POST, "/api/v1/partners/\(partner.id.apiString)/orders", as: staff, json: #"{"items":[\#(lines)]}"#,
            headers: ["Idempotency-Key": UUID().uuidString])
        return try #require(try created.json["id"] as? String, "\(created.body.string)")
    }

    static func line(_ sku: String, _ amount: String, quantity: Int = 6) -> String {
        #"{"sku":"\#(sku)","unitPrice":{"amount":"\#(amount)","currency":"EUR"},"quantity":\#(quantity)}"#
    }

    @Test func linesAreCheckedAgainstFloorsTierBandsAndPeers() async throws {
        try await withTestApp { world in
            let staff = try await world.account(.staff)
            try await world.seedCatalogue(as: staff)
            for index in 0..<6 {
                let peer = try await world.partner("Peer \(index)")
                _ = try await order(#"{"sku":"LIP-001","quantity":6}"#, for: peer, as: staff, in: world)
            }
            let partner = try await world.partner("Checked")
            let orderID = try await order(
                #"{"sku":"LIP-001","quantity":6},{"sku":"SER-001","quantity":1}"#, for: partner, as: staff, in: world)
            let lines = [
                Self.line("LIP-001", "20.00"), Self.line("lip-001", "16.00"), Self.line("LIP-001", "11.00"), Self.line("SER-001", "42.00"),
            ]
            let response = try await world.send(
                .POST, Self.path, as: staff, json: #"{"partnerId":"\#(partner.id)","lines":[\#(lines.joined(separator: ","))]}"#)
            #expect(response.status == .ok, "\(response.body.string)")
            let checked = try #require(try response.json["lines"] as? [[String: Any]])
            #expect(checked.compactMap { $0["anomalous"] as? Bool } == [false, true, true, true])
            func codes(_ index: Int) -> Set<String> {
                Set((checked[index]["reasons"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String })
            }
            #expect(codes(0).isEmpty)
            #expect(checked[0]["peerZ"] as? Double == 0)
            #expect(codes(1) == ["outside_tier_band", "peer_outlier", "price_jump"])
            #expect(codes(2).contains("below_floor"))
            #expect(checked[2]["score"] as? Int == 100)
            #expect(codes(3).contains("above_list"))
            let summary = try #require(try response.json["summary"] as? [String: Any])
            #expect(summary["checked"] as? Int == 4 && summary["flagged"] as? Int == 3)

            // An order placed at the partner's effective prices has nothing to flag.
            let placed = try await world.send(.POST, Self.path, as: staff, json: #"{"orderId":"\#(orderID)"}"#)
            #expect(placed.status == .ok, "\(placed.body.string)")
            #expect((try placed.json["lines"] as? [[String: Any]])?.compactMap { $0["anomalous"] as? Bool } == [false, false])
            #expect((try placed.json["summary"] as? [String: Any])?["partnerId"] as? String == partner.id.apiString)
        }
    }

    @Test func anOrderIsJudgedOnTheTermsOfTheDayItWasPlaced() async throws {
        try await withTestApp { world in
            let staff = try await world.account(.staff)
            try await world.seedCatalogue(as: staff)
            for index in 0..<6 {
                _ = try await order(#"{"sku":"LIP-001","quantity":6}"#, for: try await world.partner("Peer \(index)"), as: staff, in: world)
            }
            let partner = try await world.partner("Changing Terms")
            let pricing = "/api/v1/partners/\(partner.id.apiString)/pricing"
            func change(_ body: String) async throws {
                let response = try await world.send(.POST, pricing, as: staff, json: body)
                #expect(response.status == .ok, "\(response.body.string)")
            }
            func total(_ orderID: String) async throws -> String? {
                let placed = try await world.send(.GET, "/api/v1/partners/\(partner.id.apiString)/orders/\(orderID)", as: staff)
                return (try placed.json["total"] as? [String: Any])?["amount"] as? String
            }
            // Bronze at list (20.00), then an override of 30 % off (14.00), then a promotion of 15 % (17.00).
            let atList = try await order(#"{"sku":"LIP-001","quantity":6}"#, for: partner, as: staff, in: world)
            try await change(#"{"reason":"Key account deal","overrides":[{"sku":"LIP-001","discountPercent":30}]}"#)
            let atOverride = try await order(#"{"sku":"LIP-001","quantity":6}"#, for: partner, as: staff, in: world)
            try await change(#"{"reason":"Deal ended","overrides":[{"sku":"LIP-001"}]}"#)
            let created = try await world.send(
                .POST, "/api/v1/promotions", as: staff,
                json: #"{"name":"Lips week","discountPercent":15,"categories":["lips"],"validFrom":"2026-11-01","validTo":"2026-11-30"}"#)
            let promotion = try #require(try created.json["id"] as? String)
            _ = try await world.send(.POST, "/api/v1/promotions/\(promotion)/status", as: staff, json: #"{"status":"published"}"#)
            let inPromotion = try await order(#"{"sku":"LIP-001","quantity":6}"#, for: partner, as: staff, in: world)
            _ = try await world.send(.POST, "/api/v1/promotions/\(promotion)/status", as: staff, json: #"{"status":"archived"}"#)
            // Gold (18.00) from now on.
            try await change(#"{"reason":"Tier review","tierCode":"gold"}"#)
            #expect(try await total(atList) == "120.00")
            #expect(try await total(atOverride) == "84.00")
            #expect(try await total(inPromotion) == "102.00")

            for orderID in [atList, atOverride, inPromotion] {
                let checked = try await world.send(.POST, Self.path, as: staff, json: #"{"orderId":"\#(orderID)"}"#)
                #expect(checked.status == .ok, "\(checked.body.string)")
                let line = try #require((try checked.json["lines"] as? [[String: Any]])?.first)
                #expect(line["anomalous"] as? Bool == false, "\(line)")
            }
            // The same prices charged today, on gold terms, are each off the partner's price of 18.00.
            let today = try await world.send(
                .POST, Self.path, as: staff,
                json:
                    #"{"partnerId":"\#(partner.id)","lines":[\#([("20.00"), ("14.00"), ("17.00"), ("18.00")].map { Self.line("LIP-001", $0) }.joined(separator: ","))]}"#
            )
            let verdicts = try #require(try today.json["lines"] as? [[String: Any]]).compactMap { $0["anomalous"] as? Bool }
            #expect(verdicts == [true, true, true, false])
        }
    }

    @Test func onlyHQAndPricingTokensMayCheck() async throws {
        try await withTestApp { world in
            let admin = try await world.account(.admin)
            try await world.seedCatalogue(as: admin)
            let partner = try await world.partner("Mine")
            let other = try await world.partner("Theirs")
            let otherOrder = try await order(#"{"sku":"SER-001","quantity":1}"#, for: other, as: admin, in: world)
            let body = #"{"partnerId":"\#(partner.id)","lines":[\#(Self.line("SER-001", "35.00"))]}"#
            let owner = try await world.member(of: partner, role: .owner)
            try await world.send(.POST, Self.path, as: owner, json: body).expectProblem(.forbidden)
            try await world.send(.POST, Self.path, json: body).expectProblem(.unauthorized)
            let pricing = try await world.serviceToken(#""pricing:read""#, as: admin)
            #expect(try await world.send(.POST, Self.path, json: body, headers: pricing).status == .ok)
            let partners = try await world.serviceToken(#""partners:read""#, as: admin)
            try await world.send(.POST, Self.path, json: body, headers: partners).expectProblem(.forbidden)

            // Another partner's order named with this partner is not found, as is a missing one.
            try await world.send(.POST, Self.path, as: admin, json: #"{"partnerId":"\#(partner.id)","orderId":"\#(otherOrder)"}"#)
                .expectProblem(.notFound)
            try await world.send(.POST, Self.path, as: admin, json: #"{"orderId":"\#(UUID())"}"#).expectProblem(.notFound)
            try await world.send(
                .POST, Self.path, as: admin, json: #"{"partnerId":"\#(UUID())","lines":[\#(Self.line("SER-001", "1.00"))]}"#
            )
            .expectProblem(.notFound)

            let neither = try await world.send(.POST, Self.path, as: admin, json: #"{"partnerId":"\#(partner.id)"}"#)
            #expect(try neither.fieldErrors() == ["lines"])
            let both = try await world.send(
                .POST, Self.path, as: admin, json: #"{"orderId":"\#(otherOrder)","lines":[\#(Self.line("SER-001", "1.00"))]}"#)
            #expect(try both.fieldErrors() == ["orderId"])
            let bad = try await world.send(
                .POST, Self.path, as: admin,
                json: #"{"partnerId":"nope","lines":[\#(Self.line("SER-001", "-1.00")),\#(Self.line("SER-001", "abc"))]}"#)
            try bad.expectProblem(.unprocessableEntity)
            #expect(Set(try bad.fieldErrors()) == ["partnerId", "lines[0].unitPrice", "lines[1].unitPrice"])
            // The spec's limits are checked before the handler runs.
            let zero = try await world.send(
                .POST, Self.path, as: admin, json: #"{"lines":[\#(Self.line("SER-001", "1.00", quantity: 0))]}"#)
            #expect(try zero.fieldErrors() == ["lines[0].quantity"])
            let unknown = try await world.send(.POST, Self.path, as: admin, json: #"{"lines":[\#(Self.line("NOPE-1", "1.00"))]}"#)
            #expect(try unknown.fieldErrors() == ["lines[0].sku"])
        }
    }
}
