import Fluent
import Foundation
import PartnerCore
import Testing
import Vapor
import VaporTesting

@testable import PartnerServer

@Suite("Partner orders")
struct PartnerOrderTests {
    /// LIP-001 lists at 20.00 (floor 12.00), SER-001 at 35.00; a gold dealer gets 10 % off.
    private func setUp(_ world: TestWorld) async throws -> (staff: TestWorld.Account, partner: Partner, owner: TestWorld.Account) {
        let staff = try await world.account(.staff)
        try await world.seedCatalogue(as: staff)
        let partner = try await world.partner("Order Dealer", tierCode: "gold")
        let owner = try await world.member(of: partner, role: .manager)
        return (staff, partner, owner)
    }

    private func key() -> HTTPHeaders { ["Idempotency-Key": UUID().uuidString] }

    @Test func ordersArePricedByTheEngineAndAnnounced() async throws {
        try await withTestApp { world in
            let (_, partner, owner) = try await setUp(world)
            let response = try await world.send(
                .POST, "/api/v1/partners/\(partner.id.apiString)/orders", as: owner,
                json:
                    #"{"items":[{"sku":"lip-001","quantity":2},{"sku":"SER-001","quantity":1},{"sku":"LIP-001","quantity":1}],"externalRef":"ERP-77","requestedDeliveryDate":"2026-12-01"}"#,
                headers: key())
            #expect(response.status == .created)
            let order = try response.json
            #expect(order["status"] as? String == "submitted")
            #expect((order["number"] as? String)?.hasPrefix("PO-") == true)
            let items = try #require(order["items"] as? [[String: Any]])
            #expect(items.map { $0["sku"] as? String } == ["LIP-001", "SER-001"])
            #expect(items.map { $0["quantity"] as? Int } == [3, 1])
            #expect(((items.first?["unitPrice"]) as? [String: Any])?["amount"] as? String == "18.00")
            #expect((order["subtotal"] as? [String: Any])?["amount"] as? String == "95.00")
            #expect((order["total"] as? [String: Any])?["amount"] as? String == "85.50")
            #expect((order["discount"] as? [String: Any])?["amount"] as? String == "9.50")
            #expect(order["requestedDeliveryDate"] as? String == "2026-12-01")
            #expect(try await world.events(ofType: "order.created").count == 1)
        }
    }

    @Test func clientsCannotSendPrices() async throws {
        try await withTestApp { world in
            let (staff, partner, _) = try await setUp(world)
            let response = try await world.send(
                .POST, "/api/v1/partners/\(partner.id.apiString)/orders", as: staff,
                json: #"{"items":[{"sku":"SER-001","quantity":1,"unitPrice":{"amount":"0.01","currency":"EUR"}}]}"#, headers: key())
            #expect(response.status == .created)
            #expect(((try response.json["total"]) as? [String: Any])?["amount"] as? String == "31.50")
        }
    }

    @Test func replaysReturnTheFirstOrderAndChangedBodiesAreRefused() async throws {
        try await withTestApp { world in
            let (_, partner, owner) = try await setUp(world)
            let path = "/api/v1/partners/\(partner.id.apiString)/orders"
            let headers: HTTPHeaders = ["Idempotency-Key": "order-2026-11-22-0001"]
            let body = #"{"items":[{"sku":"SER-001","quantity":2}]}"#
            let first = try await world.send(.POST, path, as: owner, json: body, headers: headers)
            let replay = try await world.send(.POST, path, as: owner, json: body, headers: headers)
            #expect(first.status == .created && replay.status == .created)
            #expect(try first.json["id"] as? String == replay.json["id"] as? String)
            let different = try await world.send(
                .POST, path, as: owner, json: #"{"items":[{"sku":"SER-001","quantity":3}]}"#, headers: headers)
            try different.expectProblem(.unprocessableEntity)
            #expect(try different.fieldErrors() == ["Idempotency-Key"])
            #expect(try await PartnerOrderRecord.query(on: world.app.db).count() == 1)
            try await world.send(.POST, path, as: owner, json: body).expectProblem(.badRequest)
            let short = try await world.send(.POST, path, as: owner, json: body, headers: ["Idempotency-Key": "short"])
            try short.expectProblem(.unprocessableEntity)
            #expect(try short.fieldErrors() == ["Idempotency-Key"])
        }
    }

    @Test func concurrentDuplicatesMakeOneOrder() async throws {
        try await withTestApp { world in
            let (_, partner, owner) = try await setUp(world)
            let path = "/api/v1/partners/\(partner.id.apiString)/orders"
            let headers: HTTPHeaders = ["Idempotency-Key": UUID().uuidString]
            let ids = try await withThrowingTaskGroup(of: String?.self) { group in
                for _ in 0..<20 {
                    group.addTask {
                        let response = try await world.send(
                            .POST, path, as: owner, json: #"{"items":[{"sku":"LIP-001","quantity":1}]}"#, headers: headers)
                        return response.status == .created ? try response.json["id"] as? String : nil
                    }
                }
                return try await group.reduce(into: [String?]()) { $0.append($1) }
            }
            #expect(ids.allSatisfy { $0 != nil })
            #expect(Set(ids.compactMap { $0 }).count == 1)
            #expect(try await PartnerOrderRecord.query(on: world.app.db).count() == 1)
            #expect(try await world.events(ofType: "order.created").count == 1)
        }
    }

    @Test func invalidOrdersNameEveryProblemAndSaveNothing() async throws {
        try await withTestApp { world in
            let (staff, partner, _) = try await setUp(world)
            let path = "/api/v1/partners/\(partner.id.apiString)/orders"
            let shape = try await world.send(
                .POST, path, as: staff,
                json: #"{"items":[{"sku":"LIP-001","quantity":0},{"sku":"SER-001","quantity":-2}],"requestedDeliveryDate":"soon"}"#,
                headers: key())
            #expect(try shape.fieldErrors() == ["items[1].quantity"])
            let rules = try await world.send(
                .POST, path, as: staff,
                json: #"{"items":[{"sku":"LIP-001","quantity":0},{"sku":"SER-001","quantity":0}],"requestedDeliveryDate":"soon"}"#,
                headers: key())
            #expect(try Set(rules.fieldErrors()) == ["items[0].quantity", "items[1].quantity", "requestedDeliveryDate"])
            let catalogue = try await world.send(
                .POST, path, as: staff, json: #"{"items":[{"sku":"NOPE-1","quantity":1},{"sku":"OLD-001","quantity":1}]}"#, headers: key())
            #expect(try catalogue.fieldErrors() == ["items[0].sku", "items[1].sku"])
            try await world.send(.POST, path, as: staff, json: #"{"items":[]}"#, headers: key()).expectProblem(.unprocessableEntity)
            try await world.send(.POST, path, as: staff, json: #"{"items":[{"sku":"LIP-001","quantity":"two"}]}"#, headers: key())
                .expectProblem(.unprocessableEntity)
            let suspended = try await world.partner("Suspended Dealer", status: .suspended)
            let inactive = try await world.send(
                .POST, "/api/v1/partners/\(suspended.id.apiString)/orders", as: staff,
                json: #"{"items":[{"sku":"LIP-001","quantity":1}]}"#,
                headers: key())
            #expect(try inactive.expectProblem(.conflict).detail?.contains("suspended") == true)
            #expect(try await PartnerOrderRecord.query(on: world.app.db).count() == 0)
            #expect(try await IdempotencyRecord.query(on: world.app.db).count() == 0)
        }
    }

    @Test func lifecycleMovesAndRefusesIllegalSteps() async throws {
        try await withTestApp { world in
            let (staff, partner, owner) = try await setUp(world)
            let created = try await world.send(
                .POST, "/api/v1/partners/\(partner.id.apiString)/orders", as: owner, json: #"{"items":[{"sku":"LIP-001","quantity":1}]}"#,
                headers: key())
            let status = "/api/v1/partners/\(partner.id.apiString)/orders/\(try #require(try created.json["id"] as? String))/status"
            try await world.send(.POST, status, as: owner, json: #"{"status":"confirmed"}"#).expectProblem(.forbidden)
            for next in ["confirmed", "shipped", "delivered"] {
                let moved = try await world.send(.POST, status, as: staff, json: #"{"status":"\#(next)"}"#)
                #expect(moved.status == .ok)
                #expect(try moved.json["status"] as? String == next)
            }
            #expect(
                try await world.send(.POST, status, as: staff, json: #"{"status":"cancelled"}"#).expectProblem(.conflict).detail?.contains(
                    "delivered") == true)
            #expect(try await world.events(ofType: "order.status.changed").count == 3)
            let final = try await world.send(
                .GET, "/api/v1/partners/\(partner.id.apiString)/orders/\(try created.json["id"] as! String)", as: owner)
            #expect(try final.json["deliveredAt"] is String)
        }
    }

    @Test func partnersMayCancelTheirOwnOpenOrders() async throws {
        try await withTestApp { world in
            let (_, partner, owner) = try await setUp(world)
            let created = try await world.send(
                .POST, "/api/v1/partners/\(partner.id.apiString)/orders", as: owner, json: #"{"items":[{"sku":"LIP-001","quantity":1}]}"#,
                headers: key())
            let status = "/api/v1/partners/\(partner.id.apiString)/orders/\(try created.json["id"] as! String)/status"
            let cancelled = try await world.send(.POST, status, as: owner, json: #"{"status":"cancelled","note":"Ordered twice"}"#)
            #expect(try cancelled.json["status"] as? String == "cancelled")
            try await world.send(.POST, status, as: owner, json: #"{"status":"paused"}"#).expectProblem(.unprocessableEntity)
        }
    }

    @Test func listsFilterAndPageNewestFirst() async throws {
        try await withTestApp { world in
            let (staff, partner, owner) = try await setUp(world)
            let path = "/api/v1/partners/\(partner.id.apiString)/orders"
            var numbers: [String] = []
            for quantity in 1...5 {
                let response = try await world.send(
                    .POST, path, as: owner, json: #"{"items":[{"sku":"LIP-001","quantity":\#(quantity)}]}"#, headers: key())
                numbers.append(try response.json["id"] as! String)
            }
            var seen: [String] = []
            var cursor: String?
            repeat {
                let page = try await world.send(.GET, path + "?limit=2" + (cursor.map { "&cursor=\($0)" } ?? ""), as: owner)
                seen += (try page.json["items"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
                cursor = try page.json["nextCursor"] as? String
            } while cursor != nil && seen.count < 10
            #expect(seen == numbers.reversed())
            _ = try await world.send(.POST, path + "/\(numbers[0])/status", as: staff, json: #"{"status":"confirmed"}"#)
            let confirmed = try await world.send(.GET, path + "?status=confirmed", as: staff)
            #expect((try confirmed.json["items"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == [numbers[0]])
            let today = CalendarDay.format(TestWorld.now)
            #expect((try await world.send(.GET, path + "?from=\(today)&to=\(today)", as: staff).json["items"] as? [Any])?.count == 5)
            #expect((try await world.send(.GET, path + "?to=2020-01-01", as: staff).json["items"] as? [Any])?.count == 0)
            try await world.send(.GET, path + "?from=2026-13-01", as: staff).expectProblem(.unprocessableEntity)
            try await world.send(.GET, path + "?from=2026-05-01&to=2026-04-01", as: staff).expectProblem(.unprocessableEntity)
        }
    }

    @Test func ordersBelongToTheirPartner() async throws {
        try await withTestApp { world in
            let (staff, partner, owner) = try await setUp(world)
            let other = try await world.partner("Other Dealer")
            let outsider = try await world.member(of: other, role: .owner)
            let viewer = try await world.member(of: partner, role: .viewer)
            let created = try await world.send(
                .POST, "/api/v1/partners/\(partner.id.apiString)/orders", as: owner, json: #"{"items":[{"sku":"LIP-001","quantity":1}]}"#,
                headers: key())
            let orderID = try created.json["id"] as! String
            try await world.send(.GET, "/api/v1/partners/\(partner.id.apiString)/orders", as: outsider).expectProblem(.notFound)
            try await world.send(.GET, "/api/v1/partners/\(partner.id.apiString)/orders/\(orderID)", as: outsider).expectProblem(.notFound)
            try await world.send(.GET, "/api/v1/partners/\(other.id.apiString)/orders/\(orderID)", as: staff).expectProblem(.notFound)
            try await world.send(
                .POST, "/api/v1/partners/\(partner.id.apiString)/orders/\(orderID)/status", as: outsider, json: #"{"status":"cancelled"}"#
            )
            .expectProblem(.notFound)
            try await world.send(
                .POST, "/api/v1/partners/\(partner.id.apiString)/orders", as: outsider,
                json: #"{"items":[{"sku":"LIP-001","quantity":1}]}"#,
                headers: key()
            ).expectProblem(.notFound)
            try await world.send(
                .POST, "/api/v1/partners/\(partner.id.apiString)/orders", as: viewer, json: #"{"items":[{"sku":"LIP-001","quantity":1}]}"#,
                headers: key()
            ).expectProblem(.forbidden)
            try await world.send(.GET, "/api/v1/partners/\(partner.id.apiString)/orders/not-a-uuid", as: staff).expectProblem(.badRequest)
            try await world.send(.GET, "/api/v1/partners/\(partner.id.apiString)/orders").expectProblem(.unauthorized)
        }
    }

    @Test func dealerOrdersShowEveryDealerToHQAndOwnOnesToDealers() async throws {
        try await withTestApp { world in
            let (staff, partner, owner) = try await setUp(world)
            let salon = try await world.partner("Order Salon", type: .salon, tierCode: "gold")
            let otherDealer = try await world.partner("Second Dealer", tierCode: "gold")
            for target in [partner, salon, otherDealer] {
                _ = try await world.send(
                    .POST, "/api/v1/partners/\(target.id.apiString)/orders", as: staff,
                    json: #"{"items":[{"sku":"LIP-001","quantity":1}]}"#,
                    headers: key())
            }
            func partnerNames(_ response: TestingHTTPResponse) throws -> Set<String> {
                Set((try response.json["items"] as? [[String: Any]] ?? []).compactMap { $0["partnerName"] as? String })
            }
            #expect(try partnerNames(await world.send(.GET, "/api/v1/dealers/orders", as: staff)) == ["Order Dealer", "Second Dealer"])
            #expect(
                try partnerNames(await world.send(.GET, "/api/v1/dealers/orders?dealerId=\(otherDealer.id.apiString)", as: staff)) == [
                    "Second Dealer"
                ])
            #expect(try partnerNames(await world.send(.GET, "/api/v1/dealers/orders", as: owner)) == ["Order Dealer"])
            #expect(
                try partnerNames(await world.send(.GET, "/api/v1/dealers/orders?dealerId=\(otherDealer.id.apiString)", as: owner)).isEmpty)
            try await world.send(.GET, "/api/v1/dealers/orders?dealerId=x", as: staff).expectProblem(.unprocessableEntity)
            try await world.send(.GET, "/api/v1/dealers/orders").expectProblem(.unauthorized)
        }
    }
}
