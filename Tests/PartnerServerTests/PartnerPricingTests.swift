import Fluent
import Foundation
import PartnerCore
import Testing
import Vapor
import VaporTesting

@testable import PartnerServer

@Suite("/api/v1/partners/{id}/pricing")
struct PartnerPricingTests {
    private func catalogue(_ world: TestWorld) async throws -> TestWorld.Account {
        let staff = try await world.account(.staff)
        try await world.seedCatalogue(as: staff)
        return staff
    }

    private func line(_ response: TestingHTTPResponse, _ sku: String) throws -> [String: Any] {
        let items = try #require(try response.json["items"] as? [[String: Any]])
        return try #require(items.first { $0["sku"] as? String == sku })
    }

    private func amount(_ line: [String: Any], _ key: String) -> String? {
        (line[key] as? [String: Any])?["amount"] as? String
    }

    @Test func priceListShowsTierPricesAndSources() async throws {
        try await withTestApp { world in
            let staff = try await catalogue(world)
            let partner = try await world.partner("Gold Dealer", tierCode: "gold")
            let owner = try await world.member(of: partner, role: .viewer)
            for account in [staff, owner] {
                let response = try await world.send(.GET, "/api/v1/partners/\(partner.id.apiString)/pricing", as: account)
                #expect(response.status == .ok)
                let lipstick = try line(response, "LIP-001")
                #expect(amount(lipstick, "unitPrice") == "18.00")
                #expect(lipstick["source"] as? String == "tier")
                #expect(amount(lipstick, "floorPrice") == (account.user.role == .staff ? "12.00" : nil))
                #expect(amount(try line(response, "SER-001"), "unitPrice") == "31.50")
                #expect(try response.json["version"] is NSNull || response.json["version"] == nil)
            }
        }
    }

    @Test func overridesAtTheLimitAreSavedVersionedAndAnnounced() async throws {
        try await withTestApp { world in
            let staff = try await catalogue(world)
            let partner = try await world.partner("Override Dealer", tierCode: "bronze")
            let path = "/api/v1/partners/\(partner.id.apiString)/pricing"
            let response = try await world.send(
                .POST, path, as: staff,
                json:
                    #"{"reason":"Key account deal","tierCode":"silver","overrides":[{"sku":"lip-001","discountPercent":30,"validFrom":"2026-01-01"},{"sku":"SER-001","unitPrice":{"amount":"30.00","currency":"EUR"}}]}"#
            )
            #expect(response.status == .ok)
            #expect(try response.json["version"] as? Int == 1)
            #expect(amount(try line(response, "LIP-001"), "unitPrice") == "14.00")
            #expect(try line(response, "LIP-001")["source"] as? String == "override")
            #expect(amount(try line(response, "SER-001"), "unitPrice") == "30.00")
            #expect(((try response.json["tier"]) as? [String: Any])?["code"] as? String == "silver")

            let events = try await world.events(ofType: "partner.pricing.changed")
            #expect(events.count == 1)
            #expect(events.first?.data.contains("Key account deal") == true)

            let removal = try await world.send(.POST, path, as: staff, json: #"{"reason":"Deal ended","overrides":[{"sku":"SER-001"}]}"#)
            #expect(try removal.json["version"] as? Int == 2)
            #expect(try line(removal, "SER-001")["source"] as? String == "tier")

            let history = try await world.send(.GET, path + "/history", as: staff)
            let versions = try #require(try history.json["items"] as? [[String: Any]])
            #expect(versions.compactMap { $0["version"] as? Int } == [2, 1])
            let first = try #require((versions.last?["changes"] as? [[String: Any]]))
            #expect(
                first.contains {
                    $0["field"] as? String == "tierCode" && $0["previous"] as? String == "bronze" && $0["current"] as? String == "silver"
                })
            #expect(
                first.contains {
                    $0["field"] as? String == "overrides.LIP-001" && ($0["current"] as? String)?.hasPrefix("discount 30 %") == true
                })

            let unchanged = try await world.send(.POST, path, as: staff, json: #"{"reason":"No-op","overrides":[{"sku":"SER-001"}]}"#)
            #expect(try unchanged.json["version"] as? Int == 2)
        }
    }

    @Test func pricesExactlyAtAGuardrailLimitAreAllowed() async throws {
        try await withTestApp { world in
            let staff = try await catalogue(world)
            _ = try await world.send(
                .PUT, "/api/v1/pricing/guardrails", as: staff,
                json: #"{"items":[{"sku":"SER-001","floorPrice":{"amount":"20.00","currency":"EUR"}}]}"#)
            let partner = try await world.partner("Edge Dealer", tierCode: "bronze")
            let path = "/api/v1/partners/\(partner.id.apiString)/pricing"
            let atLimits = try await world.send(
                .POST, path, as: staff,
                json:
                    #"{"reason":"Edges","overrides":[{"sku":"SER-001","unitPrice":{"amount":"20.00","currency":"EUR"}},{"sku":"LIP-001","discountPercent":30}]}"#
            )
            #expect(atLimits.status == .ok)
            #expect(amount(try line(atLimits, "SER-001"), "unitPrice") == "20.00")
            #expect(amount(try line(atLimits, "LIP-001"), "unitPrice") == "14.00")
            let belowFloor = try await world.send(
                .POST, path, as: staff,
                json: #"{"reason":"Below","overrides":[{"sku":"SER-001","unitPrice":{"amount":"19.99","currency":"EUR"}}]}"#)
            #expect(try belowFloor.fieldErrors() == ["overrides[0].unitPrice"])
        }
    }

    @Test func guardrailBreachesRejectTheWholeChange() async throws {
        try await withTestApp { world in
            let staff = try await catalogue(world)
            let partner = try await world.partner("Greedy Dealer", tierCode: "bronze")
            let response = try await world.send(
                .POST, "/api/v1/partners/\(partner.id.apiString)/pricing", as: staff,
                json:
                    #"{"reason":"Try too deep","tierCode":"gold","overrides":[{"sku":"SER-001","discountPercent":10},{"sku":"LIP-001","unitPrice":{"amount":"11.99","currency":"EUR"}},{"sku":"LIP-001","discountPercent":31}]}"#
            )
            try response.expectProblem(.unprocessableEntity)
            let errors = try #require(try response.problem.errors)
            #expect(errors.map(\.field) == ["overrides[1].unitPrice", "overrides[1].unitPrice", "overrides[2].sku"])
            #expect(errors.first?.message.contains("floor price of 12.00 EUR") == true)
            #expect(try await PartnerPricingRecord.query(on: world.app.db).count() == 0)
            #expect(try await PartnerRecord.find(partner.id, on: world.app.db)?.$tier.id == partner.tier?.id)
            #expect(try await world.events(ofType: "partner.pricing.changed").isEmpty)
        }
    }

    @Test(arguments: [
        (#"{"reason":"x"}"#, ["reason"]),
        (#"{"reason":"Valid","tierCode":"starter"}"#, ["tierCode"]),
        (#"{"reason":"Valid","overrides":[{"sku":"NOPE"}]}"#, ["overrides[0].sku"]),
        (
            #"{"reason":"Valid","overrides":[{"sku":"SER-001","discountPercent":5,"unitPrice":{"amount":"1.00","currency":"EUR"}}]}"#,
            ["overrides[0].unitPrice"]
        ),
        (
            #"{"reason":"Valid","overrides":[{"sku":"SER-001","unitPrice":{"amount":"30.00","currency":"USD"}}]}"#,
            ["overrides[0].unitPrice.currency"]
        ),
        (
            #"{"reason":"Valid","overrides":[{"sku":"SER-001","discountPercent":5,"validFrom":"2026-05-01","validTo":"2026-04-01"}]}"#,
            ["overrides[0].validTo"]
        ),
        (#"{"reason":"Valid","overrides":[{"sku":"SER-001","discountPercent":5,"validFrom":"tomorrow"}]}"#, ["overrides[0].validFrom"]),
    ])
    func invalidChangesNameTheField(body: String, fields: [String]) async throws {
        try await withTestApp { world in
            let staff = try await catalogue(world)
            let partner = try await world.partner(tierCode: "bronze")
            let response = try await world.send(.POST, "/api/v1/partners/\(partner.id.apiString)/pricing", as: staff, json: body)
            try response.expectProblem(.unprocessableEntity)
            #expect(try response.fieldErrors() == fields)
        }
    }

    @Test func partnersReadOnlyTheirOwnPricesAndNeverChangeThem() async throws {
        try await withTestApp { world in
            _ = try await catalogue(world)
            let mine = try await world.partner("Mine")
            let theirs = try await world.partner("Theirs")
            let owner = try await world.member(of: mine)
            let body = #"{"reason":"Self service","overrides":[{"sku":"SER-001","discountPercent":5}]}"#
            try await world.send(.POST, "/api/v1/partners/\(mine.id.apiString)/pricing", as: owner, json: body).expectProblem(.forbidden)
            try await world.send(.GET, "/api/v1/partners/\(mine.id.apiString)/pricing/history", as: owner).expectProblem(.forbidden)
            try await world.send(.GET, "/api/v1/partners/\(theirs.id.apiString)/pricing", as: owner).expectProblem(.notFound)
            try await world.send(.POST, "/api/v1/partners/\(theirs.id.apiString)/pricing", as: owner, json: body).expectProblem(.notFound)
            try await world.send(.GET, "/api/v1/partners/\(mine.id.apiString)/pricing").expectProblem(.unauthorized)
        }
    }
}
