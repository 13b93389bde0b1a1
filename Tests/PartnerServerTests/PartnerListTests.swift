import Foundation
import PartnerCore
import Testing
import Vapor
import VaporTesting

@testable import PartnerServer

@Suite("GET /api/v1/partners/list and /api/v1/dealers/list")
struct PartnerListTests {
    private func names(_ response: TestingHTTPResponse) throws -> [String] {
        (try response.json["items"] as? [[String: Any]] ?? []).compactMap { $0["companyName"] as? String }
    }

    @Test func pagesThroughEveryPartnerOnceInNameOrder() async throws {
        try await withTestApp { world in
            let staff = try await world.account(.staff)
            let expected = (1...7).map { String(format: "Partner %02d", $0) }
            for name in expected.shuffled() { _ = try await world.partner(name) }
            var seen: [String] = []
            var cursor: String?
            var pages = 0
            repeat {
                let response = try await world.send(
                    .GET, "/api/v1/partners/list?limit=3" + (cursor.map { "&cursor=\($0)" } ?? ""), as: staff)
                #expect(response.status == .ok)
                seen += try names(response)
                cursor = try response.json["nextCursor"] as? String
                pages += 1
            } while cursor != nil && pages < 10
            #expect(seen == expected)
            #expect(pages == 3)
        }
    }

    @Test func filtersCombine() async throws {
        try await withTestApp { world in
            let staff = try await world.account(.staff)
            _ = try await world.partner("Alpha Dealer", type: .dealer, region: "DACH", tierCode: "gold", city: "Munich")
            _ = try await world.partner(
                "Beta Dealer", type: .dealer, region: "France", status: .suspended, tierCode: "bronze", city: "Lyon")
            _ = try await world.partner("Gamma Salon", type: .salon, region: "DACH", tierCode: "gold", city: "Vienna")
            _ = try await world.partner("Delta Stand", type: .stand, region: "DACH", tierCode: "starter", city: "Zurich")
            #expect(try names(await world.send(.GET, "/api/v1/partners/list?type=dealer", as: staff)) == ["Alpha Dealer", "Beta Dealer"])
            #expect(
                try names(await world.send(.GET, "/api/v1/partners/list?region=DACH&tier=gold", as: staff)) == [
                    "Alpha Dealer", "Gamma Salon",
                ])
            #expect(try names(await world.send(.GET, "/api/v1/partners/list?status=suspended", as: staff)) == ["Beta Dealer"])
            #expect(try names(await world.send(.GET, "/api/v1/partners/list?q=VIEN", as: staff)) == ["Gamma Salon"])
            #expect(try names(await world.send(.GET, "/api/v1/partners/list?q=stand", as: staff)) == ["Delta Stand"])
            #expect(try names(await world.send(.GET, "/api/v1/dealers/list?region=DACH", as: staff)) == ["Alpha Dealer"])
            #expect(try names(await world.send(.GET, "/api/v1/dealers/list", as: staff)) == ["Alpha Dealer", "Beta Dealer"])
        }
    }

    @Test func listItemsCarryTheSameTierAsTheDetail() async throws {
        try await withTestApp { world in
            let staff = try await world.account(.staff)
            let gold = try await world.partner("Alpha Gold", tierCode: "gold")
            let bronze = try await world.partner("Beta Bronze", tierCode: "bronze")
            let none = try await world.partner("Gamma Untiered", tierCode: "")
            let items = try await world.send(.GET, "/api/v1/partners/list", as: staff).json["items"] as? [[String: Any]] ?? []
            #expect(items.count == 3)
            for (partner, code) in [(gold, "gold"), (bronze, "bronze")] {
                let listed = try #require(items.first { $0["id"] as? String == partner.id.apiString }?["tier"] as? [String: Any])
                let detail = try await world.send(.GET, "/api/v1/partners/\(partner.id)", as: staff).json
                let detailed = try #require((detail["partner"] as? [String: Any])?["tier"] as? [String: Any])
                #expect(listed["code"] as? String == code)
                #expect(NSDictionary(dictionary: listed).isEqual(to: detailed))
            }
            #expect(items.first { $0["id"] as? String == none.id.apiString }?["tier"] == nil)
        }
    }

    @Test func partnerUsersSeeOnlyTheirOwnPartners() async throws {
        try await withTestApp { world in
            let mine = try await world.partner("Mine Dealer")
            let salon = try await world.partner("Mine Salon", type: .salon)
            _ = try await world.partner("Someone Else Dealer")
            let owner = try await world.member(of: mine)
            _ = try await world.users.link(userID: owner.id, to: salon.id, role: .viewer)
            #expect(try names(await world.send(.GET, "/api/v1/partners/list", as: owner)) == ["Mine Dealer", "Mine Salon"])
            #expect(try names(await world.send(.GET, "/api/v1/dealers/list", as: owner)) == ["Mine Dealer"])
            let loner = try await world.account(.partner)
            #expect(try names(await world.send(.GET, "/api/v1/partners/list", as: loner)) == [])
        }
    }

    @Test func invalidParametersAreRejected() async throws {
        try await withTestApp { world in
            let staff = try await world.account(.staff)
            let tooMany = try await world.send(.GET, "/api/v1/partners/list?limit=999", as: staff)
            try tooMany.expectProblem(.unprocessableEntity)
            #expect(try tooMany.fieldErrors() == ["limit"])
            try await world.send(.GET, "/api/v1/partners/list?limit=abc", as: staff).expectProblem(.unprocessableEntity)
            let unknownType = try await world.send(.GET, "/api/v1/partners/list?type=franchise", as: staff)
            #expect(try unknownType.expectProblem(.badRequest).detail?.contains("franchise") == true)
            try await world.send(.GET, "/api/v1/partners/list?tier=diamond", as: staff).expectProblem(.unprocessableEntity)
            try await world.send(.GET, "/api/v1/partners/list?cursor=bm90IGpzb24", as: staff).expectProblem(.badRequest)
            try await world.send(.GET, "/api/v1/dealers/list?limit=0", as: staff).expectProblem(.unprocessableEntity)
        }
    }

    @Test func listsNeedAToken() async throws {
        try await withTestApp { world in
            try await world.send(.GET, "/api/v1/partners/list").expectProblem(.unauthorized)
            try await world.send(.GET, "/api/v1/dealers/list").expectProblem(.unauthorized)
        }
    }
}
