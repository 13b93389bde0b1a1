import Fluent
import Foundation
import PartnerCore
import Testing
import Vapor
import VaporTesting

@testable import PartnerServer

@Suite("Promotions")
struct PromotionTests {
    private let window = #""validFrom":"2020-01-01","validTo":"2099-12-31""#

    private func publish(_ body: String, as staff: TestWorld.Account, in world: TestWorld) async throws -> String {
        let created = try await world.send(.POST, "/api/v1/promotions", as: staff, json: body)
        #expect(created.status == .created, "\(created.body.string)")
        #expect(try created.json["status"] as? String == "draft")
        let id = try #require(try created.json["id"] as? String)
        let published = try await world.send(.POST, "/api/v1/promotions/\(id)/status", as: staff, json: #"{"status":"published"}"#)
        #expect(published.status == .ok)
        return id
    }

    private func names(_ response: TestingHTTPResponse) throws -> [String] {
        (try response.json["items"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
    }

    @Test func publishedPromotionsReachTheirAudienceAndThePriceList() async throws {
        try await withTestApp { world in
            let staff = try await world.account(.staff)
            try await world.seedCatalogue(as: staff)
            _ = try await publish(
                #"{"name":"Skin week","discountPercent":20,"categories":["skin"],"audience":{"partnerTypes":["dealer"],"regions":["DACH"]},\#(window)}"#,
                as: staff, in: world)
            let dealer = try await world.partner("DACH Dealer", tierCode: "bronze")
            let salon = try await world.partner("DACH Salon", type: .salon)
            let french = try await world.partner("French Dealer", region: "France")
            #expect(try names(await world.send(.GET, "/api/v1/partners/\(dealer.id.apiString)/promotions", as: staff)) == ["Skin week"])
            #expect(try names(await world.send(.GET, "/api/v1/partners/\(salon.id.apiString)/promotions", as: staff)).isEmpty)
            #expect(try names(await world.send(.GET, "/api/v1/partners/\(french.id.apiString)/promotions", as: staff)).isEmpty)
            let prices = try await world.send(.GET, "/api/v1/partners/\(dealer.id.apiString)/pricing", as: staff)
            let items = try #require(try prices.json["items"] as? [[String: Any]])
            let serum = try #require(items.first { $0["sku"] as? String == "SER-001" })
            #expect((serum["unitPrice"] as? [String: Any])?["amount"] as? String == "28.00")
            #expect(serum["source"] as? String == "promotion")
            #expect(items.first { $0["sku"] as? String == "LIP-001" }?["source"] as? String == "list")
            #expect(try await world.events(ofType: "promotion.published").count == 1)
        }
    }

    @Test func promotionsNeverPriceBelowTheFloor() async throws {
        try await withTestApp { world in
            let staff = try await world.account(.staff)
            try await world.seedCatalogue(as: staff)
            _ = try await publish(#"{"name":"Clearance","discountPercent":50,"skus":["lip-001"],\#(window)}"#, as: staff, in: world)
            let dealer = try await world.partner("Floor Dealer", tierCode: "bronze")
            let order = try await world.send(
                .POST, "/api/v1/partners/\(dealer.id.apiString)/orders", as: staff, json: #"{"items":[{"sku":"LIP-001","quantity":2}]}"#,
                headers: ["Idempotency-Key": UUID().uuidString])
            let line = try #require((try order.json["items"] as? [[String: Any]])?.first)
            #expect((line["unitPrice"] as? [String: Any])?["amount"] as? String == "12.00")
            #expect(line["priceSource"] as? String == "floor")
        }
    }

    @Test func pointsPromotionsMultiplyEarnings() async throws {
        try await withTestApp { world in
            let staff = try await world.account(.staff)
            try await world.seedCatalogue(as: staff)
            _ = try await publish(
                #"{"name":"Double points","pointsMultiplier":2,"audience":{"tierCodes":["bronze"]},\#(window)}"#, as: staff, in: world)
            let dealer = try await world.partner("Points Dealer", tierCode: "bronze")
            let order = try await world.send(
                .POST, "/api/v1/partners/\(dealer.id.apiString)/orders", as: staff, json: #"{"items":[{"sku":"SER-001","quantity":1}]}"#,
                headers: ["Idempotency-Key": UUID().uuidString])
            let status = "/api/v1/partners/\(dealer.id.apiString)/orders/\(try order.json["id"] as! String)/status"
            for next in ["confirmed", "shipped", "delivered"] {
                _ = try await world.send(.POST, status, as: staff, json: #"{"status":"\#(next)"}"#)
            }
            let loyalty = try await world.send(.GET, "/api/v1/partners/\(dealer.id.apiString)/loyalty", as: staff)
            #expect(try loyalty.json["balance"] as? Int == 70)
        }
    }

    @Test func draftsAndArchivedPromotionsAreNotOffered() async throws {
        try await withTestApp { world in
            let staff = try await world.account(.staff)
            let dealer = try await world.partner("Quiet Dealer")
            let draft = try await world.send(
                .POST, "/api/v1/promotions", as: staff, json: #"{"name":"Draft","discountPercent":5,\#(window)}"#)
            let id = try await publish(#"{"name":"Ending","discountPercent":5,\#(window)}"#, as: staff, in: world)
            _ = try await publish(
                #"{"name":"Expired","discountPercent":5,"validFrom":"2020-01-01","validTo":"2020-12-31"}"#, as: staff, in: world)
            #expect(try names(await world.send(.GET, "/api/v1/partners/\(dealer.id.apiString)/promotions", as: staff)) == ["Ending"])
            _ = try await world.send(.POST, "/api/v1/promotions/\(id)/status", as: staff, json: #"{"status":"archived"}"#)
            #expect(try names(await world.send(.GET, "/api/v1/partners/\(dealer.id.apiString)/promotions", as: staff)).isEmpty)
            try await world.send(.POST, "/api/v1/promotions/\(id)/status", as: staff, json: #"{"status":"published"}"#).expectProblem(
                .conflict)
            let draftID = try draft.json["id"] as! String
            #expect(
                try await world.send(.POST, "/api/v1/promotions/\(draftID)/status", as: staff, json: #"{"status":"archived"}"#).status
                    == .ok)
            #expect((try await world.send(.GET, "/api/v1/promotions?status=archived", as: staff).json["items"] as? [Any])?.count == 2)
        }
    }

    @Test(arguments: [
        (#"{"name":"Both","discountPercent":5,"pointsMultiplier":2,"validFrom":"2026-01-01","validTo":"2026-02-01"}"#, ["discountPercent"]),
        (#"{"name":"Neither","validFrom":"2026-01-01","validTo":"2026-02-01"}"#, ["discountPercent"]),
        (#"{"name":"Deep","discountPercent":95,"validFrom":"2026-01-01","validTo":"2026-02-01"}"#, ["discountPercent"]),
        (#"{"name":"Dates","discountPercent":5,"validFrom":"2026-02-01","validTo":"2026-01-01"}"#, ["validTo"]),
        (#"{"name":"Bad day","discountPercent":5,"validFrom":"2026-02-30","validTo":"2026-03-01"}"#, ["validFrom"]),
        (#"{"name":"SKU","discountPercent":5,"skus":["NOPE-9"],"validFrom":"2026-01-01","validTo":"2026-02-01"}"#, ["skus"]),
        (
            #"{"name":"Tier","discountPercent":5,"audience":{"tierCodes":["diamond"]},"validFrom":"2026-01-01","validTo":"2026-02-01"}"#,
            ["audience.tierCodes"]
        ),
        (
            #"{"name":"Type","discountPercent":5,"audience":{"partnerTypes":["reseller"]},"validFrom":"2026-01-01","validTo":"2026-02-01"}"#,
            ["audience.partnerTypes[0]"]
        ),
    ])
    func invalidPromotionsNameTheField(body: String, fields: [String]) async throws {
        try await withTestApp { world in
            let staff = try await world.account(.staff)
            let response = try await world.send(.POST, "/api/v1/promotions", as: staff, json: body)
            try response.expectProblem(.unprocessableEntity)
            #expect(try response.fieldErrors() == fields)
        }
    }

    @Test func longAudiencesAndSKUListsAreBoundedBeforeTheyReachTheDatabase() async throws {
        try await withTestApp { world in
            let staff = try await world.account(.staff)
            let ids = (0..<1_001).map { _ in "\"\(UUID().uuidString)\"" }.joined(separator: ",")
            let skus = (0..<501).map { "\"SKU-\($0)\"" }.joined(separator: ",")
            let response = try await world.send(
                .POST, "/api/v1/promotions", as: staff,
                json:
                    #"{"name":"Huge","discountPercent":5,"skus":[\#(skus)],"audience":{"partnerIds":[\#(ids)]},"validFrom":"2026-01-01","validTo":"2026-02-01"}"#
            )
            #expect(try Set(response.fieldErrors()) == ["skus", "audience.partnerIds"])
            #expect(try await PromotionRecord.query(on: world.app.db).count() == 0)
        }
    }

    @Test func onlyHeadquartersManagesPromotionsAndPartnersSeeOnlyTheirOwn() async throws {
        try await withTestApp { world in
            let partner = try await world.partner("Mine")
            let other = try await world.partner("Theirs")
            let owner = try await world.member(of: partner)
            try await world.send(.POST, "/api/v1/promotions", as: owner, json: #"{"name":"X","discountPercent":5,\#(window)}"#)
                .expectProblem(.forbidden)
            try await world.send(.GET, "/api/v1/promotions", as: owner).expectProblem(.forbidden)
            try await world.send(.GET, "/api/v1/promotions").expectProblem(.unauthorized)
            #expect(try await world.send(.GET, "/api/v1/partners/\(partner.id.apiString)/promotions", as: owner).status == .ok)
            try await world.send(.GET, "/api/v1/partners/\(other.id.apiString)/promotions", as: owner).expectProblem(.notFound)
            let staff = try await world.account(.staff)
            try await world.send(.POST, "/api/v1/promotions/\(UUID().apiString)/status", as: staff, json: #"{"status":"published"}"#)
                .expectProblem(.notFound)
        }
    }
}
