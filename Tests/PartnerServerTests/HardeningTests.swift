import Fluent
import Foundation
import PartnerCore
import Testing
import Vapor
import VaporTesting

@testable import PartnerServer

/// Integrations, extreme values, concurrency and what partners must not see.
@Suite("Hardening")
struct HardeningTests {
    private func serviceToken(_ scopes: String, in world: TestWorld) async throws -> HTTPHeaders {
        let admin = try await world.account(.admin)
        let created = try await world.send(.POST, "/api/v1/service-tokens", as: admin, json: #"{"name":"Sales OS","scopes":[\#(scopes)]}"#)
        return ["Authorization": "Bearer \(try #require(try created.json["token"] as? String))", "Idempotency-Key": UUID().uuidString]
    }

    @Test func anExhaustedConnectionPoolIsA503WithRetryAfter() {
        let mapped = ProblemMapping.problem(for: ConnectionPoolTimeoutError.connectionRequestTimeout)
        #expect(mapped.problem.status == 503)
        #expect(mapped.headers.contains { $0.0 == "Retry-After" && $0.1 == "1" })
    }

    @Test func integrationsWithOrdersWritePlaceAndMoveOrders() async throws {
        try await withTestApp { world in
            let staff = try await world.account(.staff)
            try await world.seedCatalogue(as: staff)
            let partner = try await world.partner("Integrated Dealer")
            let sales = try await serviceToken(#""orders:write""#, in: world)
            let created = try await world.send(
                .POST, "/api/v1/partners/\(partner.id.apiString)/orders",
                json: #"{"items":[{"sku":"SER-001","quantity":1}],"externalRef":"SO-1"}"#,
                headers: sales)
            #expect(created.status == .created)
            #expect(try created.json["channel"] as? String == "api")
            let status = "/api/v1/partners/\(partner.id.apiString)/orders/\(try created.json["id"] as! String)/status"
            #expect(try await world.send(.POST, status, json: #"{"status":"confirmed"}"#, headers: sales).status == .ok)
            let finance = try await serviceToken(#""events:read""#, in: world)
            try await world.send(
                .POST, "/api/v1/partners/\(partner.id.apiString)/orders", json: #"{"items":[{"sku":"SER-001","quantity":1}]}"#,
                headers: finance
            )
            .expectProblem(.forbidden)
            try await world.send(.POST, status, json: #"{"status":"shipped"}"#, headers: finance).expectProblem(.forbidden)
        }
    }

    @Test func concurrentOrdersOfOnePartnerAllSucceed() async throws {
        try await withTestApp { world in
            let staff = try await world.account(.staff)
            try await world.seedCatalogue(as: staff)
            let partner = try await world.partner("Busy Dealer")
            let path = "/api/v1/partners/\(partner.id.apiString)/orders"
            let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for _ in 0..<12 {
                    group.addTask {
                        try await world.send(
                            .POST, path, as: staff, json: #"{"items":[{"sku":"LIP-001","quantity":1}]}"#,
                            headers: ["Idempotency-Key": UUID().uuidString]
                        ).status
                    }
                }
                return try await group.reduce(into: [HTTPStatus]()) { $0.append($1) }
            }
            #expect(statuses.allSatisfy { $0 == .created })
            let row = try await PartnerPerformanceRecord.query(on: world.app.db).first()
            #expect(row?.orders == 12)
            #expect(row.map(\.revenueMinor) == Int64(24_000))
        }
    }

    @Test func extremeNumbersAreValidationErrorsNotCrashes() async throws {
        try await withTestApp { world in
            let staff = try await world.account(.staff)
            try await world.seedCatalogue(as: staff)
            let partner = try await world.partner()
            let adjust = try await world.send(
                .POST, "/api/v1/partners/\(partner.id.apiString)/loyalty/adjust", as: staff,
                json: #"{"points":-9223372036854775808,"reason":"Overflow"}"#,
                headers: ["Idempotency-Key": UUID().uuidString])
            #expect(try adjust.fieldErrors() == ["points"])
            let product = try await world.send(
                .POST, "/api/v1/products", as: staff,
                json: #"{"sku":"BIG-1","name":"Big","category":"x","listPrice":{"amount":"92233720368547758.07","currency":"EUR"}}"#)
            #expect(try product.fieldErrors() == ["listPrice.amount"])
            let merged = try await world.send(
                .POST, "/api/v1/partners/\(partner.id.apiString)/orders", as: staff,
                json: #"{"items":[{"sku":"LIP-001","quantity":100000},{"sku":"LIP-001","quantity":100000}]}"#,
                headers: ["Idempotency-Key": UUID().uuidString])
            #expect(try merged.fieldErrors() == ["items[0].quantity"])
            let floor = try await world.send(
                .PUT, "/api/v1/pricing/guardrails", as: staff,
                json: #"{"items":[{"sku":"SER-001","floorPrice":{"amount":"35.01","currency":"EUR"}}]}"#)
            #expect(try floor.fieldErrors() == ["items[0].floorPrice"])
        }
    }

    @Test func partnersNeverSeeCostsFloorsOrOtherPartnersInAudiences() async throws {
        try await withTestApp { world in
            let staff = try await world.account(.staff)
            try await world.seedCatalogue(as: staff)
            let partner = try await world.partner("Curious Dealer")
            let rival = try await world.partner("Rival Dealer")
            let owner = try await world.member(of: partner)
            let promotion = try await world.send(
                .POST, "/api/v1/promotions", as: staff,
                json:
                    #"{"name":"Key accounts","discountPercent":5,"audience":{"partnerIds":["\#(partner.id.apiString)","\#(rival.id.apiString)"]},"validFrom":"2020-01-01","validTo":"2099-01-01"}"#
            )
            _ = try await world.send(
                .POST, "/api/v1/promotions/\(try promotion.json["id"] as! String)/status", as: staff, json: #"{"status":"published"}"#)
            let offered = try await world.send(.GET, "/api/v1/partners/\(partner.id.apiString)/promotions", as: owner)
            #expect(!offered.body.string.contains(rival.id.apiString))
            #expect((try offered.json["items"] as? [Any])?.count == 1)
            let products = try await world.send(.GET, "/api/v1/products", as: owner)
            #expect(!products.body.string.contains("unitCost"))
            #expect(try await world.send(.GET, "/api/v1/products", as: staff).body.string.contains("unitCost"))
            let prices = try await world.send(.GET, "/api/v1/partners/\(partner.id.apiString)/pricing", as: owner)
            #expect(!prices.body.string.contains("floorPrice"))
        }
    }

    @Test func remainingAuthEdges() async throws {
        try await withTestApp { world in
            let partner = try await world.partner()
            let other = try await world.partner("Other")
            let outsider = try await world.member(of: other)
            let base = "/api/v1/partners/\(partner.id.apiString)"
            try await world.send(.POST, "/api/v1/products/import", body: "sku\n", contentType: "text/csv").expectProblem(.unauthorized)
            try await world.send(.GET, base + "/pricing/history").expectProblem(.unauthorized)
            try await world.send(.GET, base + "/pricing/history", as: outsider).expectProblem(.notFound)
            try await world.send(.GET, base + "/compliance-documents").expectProblem(.unauthorized)
            try await world.send(
                .POST, base + "/compliance-documents", as: outsider, json: #"{"kind":"iso_9001","reference":"X","issuedOn":"2026-01-01"}"#
            )
            .expectProblem(.notFound)
            let promotion = "/api/v1/promotions/\(UUID().apiString)/status"
            try await world.send(.POST, promotion, json: #"{"status":"published"}"#).expectProblem(.unauthorized)
            try await world.send(.POST, promotion, as: outsider, json: #"{"status":"published"}"#).expectProblem(.forbidden)
            let staff = try await world.account(.staff)
            try await world.send(.POST, promotion, as: staff, json: #"{"status":"live"}"#).expectProblem(.unprocessableEntity)
        }
    }
}
