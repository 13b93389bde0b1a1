import Fluent
import Foundation
import PartnerCore
import Testing
import Vapor
import VaporTesting

@testable import PartnerServer

@Suite("Products and guardrails")
struct CatalogAPITests {
    @Test func staffAddsProductsEveryoneSignedInReadsThem() async throws {
        try await withTestApp { world in
            let staff = try await world.account(.staff)
            let created = try await world.send(.POST, "/api/v1/products", as: staff, json: TestWorld.lipstick)
            #expect(created.status == .created)
            #expect(try created.json["sku"] as? String == "LIP-001")
            #expect((try created.json["listPrice"] as? [String: Any])?["amount"] as? String == "20.00")
            try await world.send(.POST, "/api/v1/products", as: staff, json: TestWorld.lipstick).expectProblem(.conflict)
            let partnerUser = try await world.account(.partner)
            let list = try await world.send(.GET, "/api/v1/products?category=lips", as: partnerUser)
            #expect(list.status == .ok)
            #expect((try list.json["items"] as? [[String: Any]])?.count == 1)
            try await world.send(.POST, "/api/v1/products", as: partnerUser, json: TestWorld.lipstick).expectProblem(.forbidden)
            try await world.send(.GET, "/api/v1/products").expectProblem(.unauthorized)
        }
    }

    @Test func productFieldsAreValidated() async throws {
        try await withTestApp { world in
            let staff = try await world.account(.staff)
            let response = try await world.send(
                .POST, "/api/v1/products", as: staff,
                json: #"{"sku":"x","name":"","category":"lips","listPrice":{"amount":"-1","currency":"EUR"},"packSize":0}"#)
            try response.expectProblem(.unprocessableEntity)
            #expect(try response.fieldErrors() == ["packSize"])
            let rules = try await world.send(
                .POST, "/api/v1/products", as: staff,
                json: #"{"sku":"x","name":"","category":"lips","listPrice":{"amount":"-1","currency":"EUR"},"packSize":1}"#)
            try rules.expectProblem(.unprocessableEntity)
            #expect(try Set(rules.fieldErrors()) == ["sku", "name", "listPrice.amount"])
        }
    }

    @Test func csvImportIsAllOrNothing() async throws {
        try await withTestApp { world in
            let staff = try await world.account(.staff)
            let csv =
                "sku,name,category,listPrice,unitCost,currency,packSize,active\nLIP-001,Lipstick,lips,19.90,6.10,EUR,6,true\nSER-001,Serum,skin,34.50,,EUR,,\n"
            let imported = try await world.send(.POST, "/api/v1/products/import", as: staff, body: csv, contentType: "text/csv")
            #expect(imported.status == .ok)
            #expect(try imported.json["created"] as? Int == 2)
            let update = "sku,name,category,listPrice,currency\nLIP-001,Lipstick Deluxe,lips,21.00,EUR\nBAD,,lips,1.00,EUR\n"
            let rejected = try await world.send(.POST, "/api/v1/products/import", as: staff, body: update, contentType: "text/csv")
            try rejected.expectProblem(.unprocessableEntity)
            #expect(try rejected.fieldErrors() == ["rows[2].name"])
            let stored = try await ProductRecord.query(on: world.app.db).filter(\.$sku == "LIP-001").first()
            #expect(stored?.name == "Lipstick")
            let fixed = try await world.send(
                .POST, "/api/v1/products/import", as: staff, body: update.replacingOccurrences(of: "BAD,,", with: "BAD,Bad Name,"),
                contentType: "text/csv")
            #expect(try fixed.json["updated"] as? Int == 1 && fixed.json["created"] as? Int == 1)
            let partnerUser = try await world.account(.partner)
            try await world.send(.POST, "/api/v1/products/import", as: partnerUser, body: csv, contentType: "text/csv").expectProblem(
                .forbidden)
        }
    }

    @Test func guardrailsAreUpsertedByStaffOrAScopedServiceToken() async throws {
        try await withTestApp { world in
            let staff = try await world.account(.staff)
            _ = try await world.send(.POST, "/api/v1/products", as: staff, json: TestWorld.lipstick)
            let body =
                #"{"items":[{"sku":"LIP-001","floorPrice":{"amount":"12.00","currency":"EUR"},"maxDiscountPercent":30,"minMarginPercent":25}]}"#
            let put = try await world.send(.PUT, "/api/v1/pricing/guardrails", as: staff, json: body)
            #expect(put.status == .ok)
            #expect((try put.json["items"] as? [[String: Any]])?.first?["maxDiscountPercent"] as? Double == 30)
            #expect(try await world.events(ofType: "pricing.guardrails.updated").first?.data == #"{"skus":["LIP-001"]}"#)

            let admin = try await world.account(.admin)
            let pricingOS = try await world.send(
                .POST, "/api/v1/service-tokens", as: admin, json: #"{"name":"Pricing OS","scopes":["pricing:write"]}"#)
            #expect(pricingOS.status == .created)
            let token = try #require(try pricingOS.json["token"] as? String)
            let service = try await world.send(
                .PUT, "/api/v1/pricing/guardrails", json: body.replacingOccurrences(of: "12.00", with: "13.00"),
                headers: ["Authorization": "Bearer \(token)"])
            #expect(service.status == .ok)
            #expect(try await GuardrailRecord.query(on: world.app.db).all().map(\.floorMinor) == [1_300])
            let listed = try await world.send(.GET, "/api/v1/pricing/guardrails", headers: ["Authorization": "Bearer \(token)"])
            #expect((try listed.json["items"] as? [[String: Any]])?.first?["sku"] as? String == "LIP-001")

            let finance = try await world.send(
                .POST, "/api/v1/service-tokens", as: admin, json: #"{"name":"Finance OS","scopes":["events:read"]}"#)
            let financeToken = try #require(try finance.json["token"] as? String)
            try await world.send(.PUT, "/api/v1/pricing/guardrails", json: body, headers: ["Authorization": "Bearer \(financeToken)"])
                .expectProblem(.forbidden)
            let partnerUser = try await world.account(.partner)
            try await world.send(.PUT, "/api/v1/pricing/guardrails", as: partnerUser, json: body).expectProblem(.forbidden)
            try await world.send(.PUT, "/api/v1/pricing/guardrails", json: body).expectProblem(.unauthorized)
            try await world.send(.GET, "/api/v1/pricing/guardrails", as: partnerUser).expectProblem(.forbidden)
        }
    }

    @Test func guardrailLinesAreAllOrNothing() async throws {
        try await withTestApp { world in
            let staff = try await world.account(.staff)
            _ = try await world.send(.POST, "/api/v1/products", as: staff, json: TestWorld.lipstick)
            let body = #"""
                {"items":[{"sku":"LIP-001","floorPrice":{"amount":"12.00","currency":"EUR"}},
                          {"sku":"NOPE-1","floorPrice":{"amount":"1.00","currency":"EUR"}},
                          {"sku":"LIP-001","floorPrice":{"amount":"10.00","currency":"USD"},"ceilingPrice":{"amount":"5.00","currency":"EUR"},"maxDiscountPercent":50.555}]}
                """#
            let response = try await world.send(.PUT, "/api/v1/pricing/guardrails", as: staff, json: body)
            try response.expectProblem(.unprocessableEntity)
            #expect(try response.fieldErrors() == ["items[1].sku", "items[2].sku"])
            let invalid =
                #"{"items":[{"sku":"LIP-001","floorPrice":{"amount":"10.00","currency":"USD"},"ceilingPrice":{"amount":"5.00","currency":"EUR"},"maxDiscountPercent":50.555}]}"#
            let fields = try await world.send(.PUT, "/api/v1/pricing/guardrails", as: staff, json: invalid).fieldErrors()
            #expect(Set(fields) == ["items[0].floorPrice.currency", "items[0].ceilingPrice", "items[0].maxDiscountPercent"])
            #expect(try await GuardrailRecord.query(on: world.app.db).count() == 0)
        }
    }

    @Test func serviceTokensAreAdminOnlyAndCannotLogIn() async throws {
        try await withTestApp { world in
            let staff = try await world.account(.staff)
            try await world.send(.POST, "/api/v1/service-tokens", as: staff, json: #"{"name":"X","scopes":["pricing:write"]}"#)
                .expectProblem(.forbidden)
            let admin = try await world.account(.admin)
            let invalid = try await world.send(
                .POST, "/api/v1/service-tokens", as: admin, json: #"{"name":"","scopes":[],"expiresInDays":1000}"#)
            #expect(try Set(invalid.fieldErrors()) == ["scopes", "expiresInDays"])
            let unnamed = try await world.send(
                .POST, "/api/v1/service-tokens", as: admin, json: #"{"name":" ","scopes":["pricing:read"],"expiresInDays":10}"#)
            #expect(try unnamed.fieldErrors() == ["name"])
            try await world.send(.POST, "/api/v1/service-tokens", as: admin, json: #"{"name":"X","scopes":["root"]}"#).expectProblem(
                .unprocessableEntity)
            let created = try await world.send(
                .POST, "/api/v1/service-tokens", as: admin, json: #"{"name":"Inventory OS","scopes":["inventory:write"]}"#)
            let token = try #require(try created.json["token"] as? String)
            let me = try await world.send(.GET, "/api/v1/auth/me", headers: ["Authorization": "Bearer \(token)"])
            let user = try #require(try me.json["user"] as? [String: Any])
            #expect(user["role"] as? String == "service")
            let email = try #require(user["email"] as? String)
            try await world.send(.POST, "/api/v1/auth/login", json: #"{"email":"\#(email)","password":"!"}"#).expectProblem(.unauthorized)
            let serviceUser = try await world.send(
                .POST, "/api/v1/users", as: admin,
                json: #"{"email":"s@example.com","name":"S","password":"long enough pw","role":"service"}"#)
            #expect(try serviceUser.fieldErrors() == ["role"])
        }
    }
}
