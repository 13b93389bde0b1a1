import Fluent
import Foundation
import PartnerCore
import Testing
import Vapor
import VaporTesting

@testable import PartnerServer

@Suite("Stand sales")
struct StandSalesTests {
    @Test func aSaleTakesStockEarnsPointsAndReadsBack() async throws {
        try await withTestApp { world in
            let (staff, stand, manager) = try await world.stockedStand()
            let response = try await world.sale(
                stand, #"[{"sku":"lip-001","quantity":2},{"sku":"SER-001","quantity":1,"unitPrice":{"amount":"30.00","currency":"EUR"}}]"#,
                as: manager)
            #expect(response.status == .created, "\(response.body.string)")
            let sale = try response.json
            #expect((sale["number"] as? String)?.hasPrefix("SR-") == true)
            #expect((sale["total"] as? [String: Any])?["amount"] as? String == "70.00")
            #expect(sale["units"] as? Int == 3)
            // Plus earns 1.5 points per euro: 70 × 1.5.
            #expect(sale["pointsEarned"] as? Int == 105)
            #expect((sale["payment"] as? [String: Any])?["qrCodeId"] as? String == "QR-1")
            #expect(sale["lowStockSkus"] as? [String] == [])
            #expect(try await world.shelf(stand, "LIP-001", as: staff)["onHand"] as? Int == 10)
            #expect(try await world.shelf(stand, "SER-001", as: staff)["onHand"] as? Int == 4)
            let id = try #require(sale["id"] as? String)
            let read = try await world.send(.GET, "\(stand.path)/sales/\(id)", as: manager)
            #expect(try read.json["number"] as? String == sale["number"] as? String)
            let listed = try await world.send(.GET, "\(stand.path)/sales?from=2000-01-01", as: manager).json
            #expect((listed["items"] as? [[String: Any]])?.count == 1)
            let loyalty = try await world.send(.GET, "\(stand.path)/loyalty", as: manager).json
            #expect(loyalty["balance"] as? Int == 105)
            #expect(try await world.events(ofType: "stand.sale.recorded").count == 1)
            #expect(try await world.events(ofType: "stand.loyalty.points.booked").count == 1)
        }
    }

    @Test func crossingTheMinimumRaisesOneAlertOneEventAndOneRefill() async throws {
        try await withTestApp { world in
            let (staff, stand, manager) = try await world.stockedStand()
            // 12 on the shelf, minimum 4: the sale to 4 crosses; later sales below it do not cross again.
            let crossing = try await world.sale(stand, #"[{"sku":"LIP-001","quantity":8}]"#, as: manager).json
            #expect(crossing["lowStockSkus"] as? [String] == ["LIP-001"])
            let refillID = try #require(crossing["refillId"] as? String)
            for _ in 0..<3 { _ = try await world.sale(stand, #"[{"sku":"LIP-001","quantity":1}]"#, as: manager) }
            #expect(try await world.events(ofType: "stand.low_stock").count == 1)
            #expect(
                try await StandRefillOrderRecord.query(on: world.app.db).filter(\.$source == "automation")
                    .filter(\.$note != "Opening stock").count() == 1)
            let refill = try await world.send(.GET, "/api/v1/stand/refill/\(refillID)", as: manager).json
            #expect(refill["status"] as? String == "requested")
            // Par 12 − 4 on hand − 0 on order = 8, rounded up to packs of 6: 12. SER-001 is at par.
            #expect((refill["lines"] as? [[String: Any]])?.map { $0["quantity"] as? Int } == [12])
            let alerts = try await world.send(.GET, "/api/v1/partners/\(stand.id)/alerts", as: manager).json
            let items = try #require(alerts["items"] as? [[String: Any]])
            #expect(items.count == 1)
            #expect(items.first?["kind"] as? String == "stand_low_stock")
            #expect(try await world.shelf(stand, "LIP-001", as: staff)["low"] as? Bool == true)
        }
    }

    @Test func starterStandsAreAlertedButNotRefilledAutomatically() async throws {
        try await withTestApp { world in
            let (_, stand, manager) = try await world.stockedStand(package: "starter")
            let sale = try await world.sale(stand, #"[{"sku":"SER-001","quantity":3}]"#, as: manager).json
            #expect(sale["lowStockSkus"] as? [String] == ["SER-001"])
            #expect(sale["refillId"] == nil)
            #expect(try await world.events(ofType: "stand.low_stock").count == 1)
            #expect(try await world.events(ofType: "partner.alert.raised").count == 1)
        }
    }

    @Test func fiftyParallelSalesLeaveTheShelfExactlyRight() async throws {
        try await withTestApp { world in
            let (staff, stand, manager) = try await world.stockedStand()
            try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for _ in 0..<50 {
                    group.addTask { try await world.sale(stand, #"[{"sku":"LIP-001","quantity":1}]"#, as: manager).status }
                }
                for try await status in group { #expect(status == .created) }
            }
            // 12 were on the shelf: it empties, the other 38 units are a shortfall for the next count.
            let line = try await world.shelf(stand, "LIP-001", as: staff)
            #expect(line["onHand"] as? Int == 0)
            #expect(line["unreconciledShortfall"] as? Int == 38)
            #expect(try await StandOrderRecord.query(on: world.app.db).count() == 50)
            #expect(try await StandStockOutRecord.query(on: world.app.db).count() == 1)
            #expect(try await world.events(ofType: "stand.low_stock").count == 1)
        }
    }

    @Test func fiftyConcurrentReplaysMakeOneSale() async throws {
        try await withTestApp { world in
            let (staff, stand, manager) = try await world.stockedStand()
            let key = "sale-\(UUID().uuidString)"
            let ids = try await withThrowingTaskGroup(of: String?.self) { group in
                for _ in 0..<50 {
                    group.addTask {
                        let response = try await world.sale(
                            stand, #"[{"sku":"LIP-001","quantity":1}]"#, as: manager, soldAt: "2026-11-01T10:00:00Z", key: key)
                        return response.status == .created ? try response.json["id"] as? String : nil
                    }
                }
                return try await group.reduce(into: [String?]()) { $0.append($1) }
            }
            #expect(ids.allSatisfy { $0 != nil })
            #expect(Set(ids.compactMap { $0 }).count == 1)
            #expect(try await StandOrderRecord.query(on: world.app.db).count() == 1)
            #expect(try await world.shelf(stand, "LIP-001", as: staff)["onHand"] as? Int == 11)
            let changed = try await world.sale(
                stand, #"[{"sku":"LIP-001","quantity":2}]"#, as: manager, soldAt: "2026-11-01T10:00:00Z", key: key)
            #expect(try changed.fieldErrors() == ["Idempotency-Key"])
        }
    }

    @Test func invalidSalesAreRefusedWithoutTouchingStock() async throws {
        try await withTestApp { world in
            let staff = try await world.account(.staff)
            try await world.seedCatalogue(as: staff)
            let stand = try await world.enrolStand(as: staff, locations: 2)
            let items = #"[{"sku":"LIP-001","quantity":1}]"#
            #expect(try await world.sale(stand, items, as: staff).fieldErrors() == ["locationId"])
            let bad = try await world.sale(
                stand, #"[{"sku":"NOPE","quantity":1},{"sku":"SER-001","quantity":0}]"#, as: staff, location: stand.locations[0])
            #expect(try Set(bad.fieldErrors()) == ["items[1].quantity"])
            let unknown = try await world.sale(stand, #"[{"sku":"NOPE","quantity":1}]"#, as: staff, location: stand.locations[0])
            #expect(try unknown.fieldErrors() == ["items[0].sku"])
            let future = try await world.sale(stand, items, as: staff, location: stand.locations[0], soldAt: "2999-01-01T00:00:00Z")
            #expect(try future.fieldErrors() == ["soldAt"])
            let currency = try await world.sale(
                stand, #"[{"sku":"LIP-001","quantity":1,"unitPrice":{"amount":"-1","currency":"USD"}}]"#, as: staff,
                location: stand.locations[0])
            #expect(try currency.fieldErrors().contains("items[0].unitPrice.currency"))
            let otherSite = try await world.sale(stand, items, as: staff, location: UUID().uuidString)
            #expect(try otherSite.fieldErrors() == ["locationId"])
            // Another stand's location is not this stand's.
            let neighbour = try await world.enrolStand(as: staff, name: "Neighbour")
            let borrowed = try await world.sale(stand, items, as: staff, location: neighbour.locations[0])
            #expect(try borrowed.fieldErrors() == ["locationId"])
            try await world.send(
                .POST, "/api/v1/stand/sales-record", as: staff,
                json: #"{"standId":"\#(stand.id)","soldAt":"2026-11-01T10:00:00Z","items":\#(items),"payment":{"method":"cheque"}}"#,
                headers: ["Idempotency-Key": UUID().uuidString]
            ).expectProblem(.unprocessableEntity)
            try await world.send(.POST, "/api/v1/stand/sales-record", as: staff, json: "{}").expectProblem(.badRequest)
            #expect(try await StandOrderRecord.query(on: world.app.db).count() == 0)
            #expect(try await world.shelf(stand, "LIP-001", as: staff)["onHand"] as? Int == 12)
        }
    }

    @Test func onlyTheStandsPeopleAndSalesIntegrationsRecordSales() async throws {
        try await withTestApp { world in
            let (staff, stand, _) = try await world.stockedStand()
            let other = try await world.enrolStand(as: staff, name: "Other Stand")
            let otherPartner = try await world.partner(of: other)
            let stranger = try await world.member(of: otherPartner)
            let items = #"[{"sku":"LIP-001","quantity":1}]"#
            // Another stand's owner cannot record, list or read this stand's sales: it does not exist for them.
            try await world.sale(stand, items, as: stranger).expectProblem(.notFound)
            let sale = try await world.sale(stand, items, as: staff).json
            try await world.send(.GET, "\(stand.path)/sales", as: stranger).expectProblem(.notFound)
            try await world.send(.GET, "\(stand.path)/sales/\(try #require(sale["id"] as? String))", as: stranger).expectProblem(.notFound)
            try await world.send(.GET, "\(other.path)/sales/\(try #require(sale["id"] as? String))", as: stranger).expectProblem(.notFound)
            let partner = try await world.partner(of: stand)
            let viewer = try await world.member(of: partner, role: .viewer)
            try await world.sale(stand, items, as: viewer).expectProblem(.forbidden)
            try await world.sale(stand, items, as: nil).expectProblem(.unauthorized)
            let admin = try await world.account(.admin)
            let salesOS = try await world.serviceToken(#""sales:write""#, as: admin)
            let pricingOS = try await world.serviceToken(#""pricing:write""#, as: admin)
            func post(_ headers: HTTPHeaders) async throws -> TestingHTTPResponse {
                var headers = headers
                headers.add(name: "Idempotency-Key", value: UUID().uuidString)
                return try await world.send(
                    .POST, "/api/v1/stand/sales-record",
                    json: #"{"standId":"\#(stand.id)","soldAt":"2026-11-01T10:00:00Z","items":\#(items)}"#, headers: headers)
            }
            #expect(try await post(salesOS).status == .created)
            try await post(pricingOS).expectProblem(.forbidden)
        }
    }
}
