import Fluent
import Foundation
import PartnerCore
import Testing
import Vapor
import VaporTesting

@testable import PartnerServer

@Suite("Stand refills")
struct StandRefillTests {
    private func request(
        _ world: TestWorld, _ stand: TestWorld.Stand, as account: TestWorld.Account?, items: String? = nil, key: String = UUID().uuidString
    ) async throws -> TestingHTTPResponse {
        let lines = items.map { #","items":\#($0)"# } ?? ""
        return try await world.send(
            .POST, "/api/v1/stand/refill", as: account,
            json: #"{"standId":"\#(stand.id)","locationId":"\#(stand.locations[0])"\#(lines),"note":"weekend"}"#,
            headers: ["Idempotency-Key": key])
    }

    private func move(_ world: TestWorld, _ id: String, _ body: String, as account: TestWorld.Account) async throws -> TestingHTTPResponse {
        try await world.send(.POST, "/api/v1/stand/refill/\(id)/status", as: account, json: body)
    }

    @Test func policyQuantitiesArePricedByTheEngineAndNeverBelowTheFloor() async throws {
        try await withTestApp { world in
            let (_, stand, manager) = try await world.stockedStand()
            #expect(try await request(world, stand, as: manager).fieldErrors() == ["items"])
            _ = try await world.sale(stand, #"[{"sku":"LIP-001","quantity":7},{"sku":"SER-001","quantity":1}]"#, as: manager)
            // The sale to 5 did not cross the minimum of 4, so nothing is in flight yet.
            let response = try await request(world, stand, as: manager)
            #expect(response.status == .created, "\(response.body.string)")
            let refill = try response.json
            #expect(refill["status"] as? String == "requested")
            #expect(refill["source"] as? String == "manual")
            let lines = try #require(refill["lines"] as? [[String: Any]])
            // LIP-001: 12 − 5 = 7 → two packs of 6 = 12; SER-001: 5 − 4 = 1.
            #expect(lines.map { $0["quantity"] as? Int } == [12, 1])
            // The plus package tier takes 3 % off list, above LIP-001's guardrail floor of 12.00:
            // 20.00 → 19.40 and 35.00 → 33.95.
            #expect(lines.map { ($0["unitPrice"] as? [String: Any])?["amount"] as? String } == ["19.40", "33.95"])
            #expect(lines.map { ($0["lineTotal"] as? [String: Any])?["amount"] as? String } == ["232.80", "33.95"])
            #expect((refill["total"] as? [String: Any])?["amount"] as? String == "266.75")
            try await request(world, stand, as: manager).expectProblem(.conflict)
        }
    }

    @Test func theLifecycleMovesStockAndSchedulesThePayment() async throws {
        try await withTestApp { world in
            let (staff, stand, manager) = try await world.stockedStand()
            _ = try await world.sale(stand, #"[{"sku":"LIP-001","quantity":7},{"sku":"SER-001","quantity":2}]"#, as: manager)
            let created = try await request(
                world, stand, as: manager, items: #"[{"sku":"LIP-001","quantity":6},{"sku":"SER-001","quantity":4}]"#)
            let id = try #require(try created.json["id"] as? String)
            try await move(world, id, #"{"status":"approved"}"#, as: manager).expectProblem(.forbidden)
            let approved = try await move(world, id, #"{"status":"approved","items":[{"sku":"SER-001","quantity":3}]}"#, as: staff).json
            #expect((approved["lines"] as? [[String: Any]])?.map { $0["quantity"] as? Int } == [6, 3])
            #expect((approved["lines"] as? [[String: Any]])?.map { $0["requestedQuantity"] as? Int } == [6, 4])
            _ = try await move(world, id, #"{"status":"shipped"}"#, as: staff)
            #expect(try await world.shelf(stand, "LIP-001", as: staff)["onOrder"] as? Int == 6)
            #expect(try await world.shelf(stand, "SER-001", as: staff)["onOrder"] as? Int == 3)
            let delivered = try await move(
                world, id, #"{"status":"delivered","deliveredItems":[{"sku":"LIP-001","quantity":6},{"sku":"SER-001","quantity":2}]}"#,
                as: staff)
            #expect(delivered.status == .ok)
            let lip = try await world.shelf(stand, "LIP-001", as: staff)
            #expect(lip["onHand"] as? Int == 11 && lip["onOrder"] as? Int == 0)
            let serum = try await world.shelf(stand, "SER-001", as: staff)
            #expect(serum["onHand"] as? Int == 5 && serum["onOrder"] as? Int == 0)
            let confirmed = try await move(world, id, #"{"status":"confirmed"}"#, as: manager).json
            #expect(confirmed["status"] as? String == "confirmed")
            // Due 30 days after the day of confirmation.
            let confirmedAt = try #require((confirmed["confirmedAt"] as? String).flatMap { ISO8601DateFormatter().date(from: $0) })
            let due = try #require(CalendarDay.utc.date(byAdding: .day, value: 30, to: CalendarDay.startOfDay(confirmedAt)))
            #expect(confirmed["paymentDueDate"] as? String == CalendarDay.format(due))
            for event in ["requested", "approved", "shipped", "delivered", "confirmed"] {
                #expect(try await world.events(ofType: "stand.refill.\(event)").count >= 1, "\(event)")
            }
            let payment = try #require(try await world.events(ofType: "stand.payment.scheduled").first)
            #expect(payment.data.lowercased().contains(id))
            try await move(world, id, #"{"status":"cancelled"}"#, as: staff).expectProblem(.conflict)
            try await move(world, id, #"{"status":"shipped"}"#, as: staff).expectProblem(.conflict)
        }
    }

    @Test func illegalStepsAndBadQuantitiesAreRefused() async throws {
        try await withTestApp { world in
            let (staff, stand, manager) = try await world.stockedStand()
            let created = try await request(world, stand, as: manager, items: #"[{"sku":"LIP-001","quantity":6}]"#)
            let id = try #require(try created.json["id"] as? String)
            try await move(world, id, #"{"status":"delivered"}"#, as: staff).expectProblem(.conflict)
            try await move(world, id, #"{"status":"paid"}"#, as: staff).expectProblem(.unprocessableEntity)
            #expect(
                try await move(world, id, #"{"status":"approved","items":[{"sku":"NOPE","quantity":1}]}"#, as: staff).fieldErrors() == [
                    "items[0].sku"
                ])
            #expect(
                try await move(world, id, #"{"status":"approved","items":[{"sku":"LIP-001","quantity":0}]}"#, as: staff).fieldErrors() == [
                    "items"
                ])
            #expect(try await move(world, id, #"{"status":"shipped","items":[]}"#, as: staff).fieldErrors() == ["items"])
            _ = try await move(world, id, #"{"status":"approved"}"#, as: staff)
            _ = try await move(world, id, #"{"status":"shipped"}"#, as: staff)
            let over = try await move(world, id, #"{"status":"delivered","deliveredItems":[{"sku":"LIP-001","quantity":7}]}"#, as: staff)
            #expect(try over.fieldErrors() == ["deliveredItems[0].quantity"])
            #expect(try await world.shelf(stand, "LIP-001", as: staff)["onHand"] as? Int == 12)
            let bad = try await request(world, stand, as: manager, items: #"[{"sku":"LIP-001","quantity":-1}]"#)
            #expect(try bad.fieldErrors() == ["items[0].quantity"])
        }
    }

    @Test func partnersCancelTheirOwnAndNobodyElseSeesThem() async throws {
        try await withTestApp { world in
            let (staff, stand, manager) = try await world.stockedStand()
            let key = "refill-\(UUID().uuidString)"
            let created = try await request(world, stand, as: manager, items: #"[{"sku":"SER-001","quantity":2}]"#, key: key)
            let replay = try await request(world, stand, as: manager, items: #"[{"sku":"SER-001","quantity":2}]"#, key: key)
            let id = try #require(try created.json["id"] as? String)
            #expect(try replay.json["id"] as? String == id)
            let other = try await world.enrolStand(as: staff, name: "Elsewhere", stocked: false)
            let otherOwner = try await world.member(
                of: try await world.partner(of: other))
            try await world.send(.GET, "/api/v1/stand/refill/\(id)", as: otherOwner).expectProblem(.notFound)
            try await move(world, id, #"{"status":"cancelled"}"#, as: otherOwner).expectProblem(.notFound)
            try await request(world, stand, as: otherOwner).expectProblem(.notFound)
            try await world.send(.GET, "\(stand.path)/refills", as: otherOwner).expectProblem(.notFound)
            let viewer = try await world.member(
                of: try await world.partner(of: stand), role: .viewer)
            try await move(world, id, #"{"status":"cancelled"}"#, as: viewer).expectProblem(.forbidden)
            try await request(world, stand, as: nil).expectProblem(.unauthorized)
            let cancelled = try await move(world, id, #"{"status":"cancelled","note":"not needed"}"#, as: manager)
            #expect(try cancelled.json["status"] as? String == "cancelled")
            let listed = try await world.send(.GET, "\(stand.path)/refills?status=cancelled", as: manager).json
            #expect((listed["items"] as? [[String: Any]])?.count == 1)
            try await world.send(.GET, "/api/v1/stand/refill/\(UUID().uuidString)", as: staff).expectProblem(.notFound)
        }
    }
}
