import Foundation
import PartnerCore
import Testing
import Vapor
import VaporTesting

@testable import PartnerServer

@Suite("/api/v1/tiers")
struct TierTests {
    static let gemstone =
        #"{"code":"diamond","name":"Diamond","partnerTypes":["dealer","distributor"],"rank":5,"baseDiscountPercent":18.5,"loyaltyMultiplier":1.75,"minTrailingRevenue":{"amount":"500000.00","currency":"EUR"}}"#

    @Test func everyoneSignedInSeesTheDefaultTiers() async throws {
        try await withTestApp { world in
            let partnerUser = try await world.account(.partner)
            let response = try await world.send(.GET, "/api/v1/tiers", as: partnerUser)
            #expect(response.status == .ok)
            let items = try #require(try response.json["items"] as? [[String: Any]])
            #expect(Set(items.compactMap { $0["code"] as? String }) == Set(TierDefinition.defaults.map(\.code)))
            let gold = try #require(items.first { $0["code"] as? String == "gold" })
            #expect(gold["baseDiscountPercent"] as? Double == 10)
            #expect(gold["loyaltyMultiplier"] as? Double == 1.25)
            #expect((gold["minTrailingRevenue"] as? [String: Any])?["amount"] as? String == "100000.00")
            try await world.send(.GET, "/api/v1/tiers").expectProblem(.unauthorized)
        }
    }

    @Test func adminCreatesATierThatPartnersCanThenUse() async throws {
        try await withTestApp { world in
            let admin = try await world.account(.admin)
            let response = try await world.send(.POST, "/api/v1/tiers", as: admin, json: Self.gemstone)
            #expect(response.status == .created)
            #expect(try response.json["baseDiscountPercent"] as? Double == 18.5)
            #expect(try response.json["partnerTypes"] as? [String] == ["dealer", "distributor"])
            try await world.send(.POST, "/api/v1/tiers", as: admin, json: Self.gemstone).expectProblem(.conflict)
            let partner = try await world.send(
                .POST, "/api/v1/partners/create", as: admin,
                json:
                    #"{"type":"dealer","companyName":"Diamond Dealer","email":"d@d.example.com","region":"DACH","country":"DE","tierCode":"diamond"}"#
            )
            #expect(partner.status == .created)
        }
    }

    @Test func tierFieldsAreValidated() async throws {
        try await withTestApp { world in
            let admin = try await world.account(.admin)
            let response = try await world.send(
                .POST, "/api/v1/tiers", as: admin,
                json:
                    #"{"code":"Bad Code","name":"","partnerTypes":[],"rank":-1,"baseDiscountPercent":100.5,"loyaltyMultiplier":1.2345,"minTrailingRevenue":{"amount":"12.345","currency":"EURO"}}"#
            )
            try response.expectProblem(.unprocessableEntity)
            #expect(try Set(response.fieldErrors()) == ["partnerTypes", "rank", "baseDiscountPercent", "minTrailingRevenue.currency"])
            let rules = try await world.send(
                .POST, "/api/v1/tiers", as: admin,
                json:
                    #"{"code":"Bad Code","name":"","partnerTypes":["dealer","dealer"],"rank":1,"baseDiscountPercent":10.555,"loyaltyMultiplier":1.2345,"minTrailingRevenue":{"amount":"12.345","currency":"E1R"}}"#
            )
            try rules.expectProblem(.unprocessableEntity)
            #expect(
                try Set(rules.fieldErrors()) == [
                    "code", "name", "partnerTypes", "baseDiscountPercent", "loyaltyMultiplier", "minTrailingRevenue.currency",
                ])
            let badType = try await world.send(
                .POST, "/api/v1/tiers", as: admin,
                json:
                    #"{"code":"x1","name":"X","partnerTypes":["reseller"],"rank":1,"baseDiscountPercent":1,"loyaltyMultiplier":1,"minTrailingRevenue":{"amount":"1.00","currency":"EUR"}}"#
            )
            #expect(try badType.fieldErrors() == ["partnerTypes[0]"])
        }
    }

    @Test func onlyAdminsCreateTiers() async throws {
        try await withTestApp { world in
            let staff = try await world.account(.staff)
            try await world.send(.POST, "/api/v1/tiers", as: staff, json: Self.gemstone).expectProblem(.forbidden)
            try await world.send(.POST, "/api/v1/tiers", json: Self.gemstone).expectProblem(.unauthorized)
        }
    }
}
