import Fluent
import Foundation
import PartnerCore
import Testing
import Vapor
import VaporTesting

@testable import PartnerServer

@Suite("Stand enrolment, lists and details")
struct StandEnrolmentTests {
    @Test func enrolmentCreatesLocationsInventoryAndOpeningRefills() async throws {
        try await withTestApp { world in
            let staff = try await world.account(.staff)
            try await world.seedCatalogue(as: staff)
            let stand = try await world.enrolStand(as: staff, name: "Kiosk Nord", package: "pro", locations: 2, stocked: false)
            let details = try await world.send(.GET, "\(stand.path)/details", as: staff).json
            let summary = try #require(details["stand"] as? [String: Any])
            #expect(summary["packageLevel"] as? String == "pro")
            #expect(summary["commissionBasisPoints"] as? Int == 1_500)
            #expect(summary["loyaltyPointsPerUnit"] as? String == "2")
            #expect(summary["autoRefill"] as? Bool == true)
            #expect(summary["locationCount"] as? Int == 2)
            #expect((details["partner"] as? [String: Any])?["type"] as? String == "stand")
            #expect(((details["partner"] as? [String: Any])?["tier"] as? [String: Any])?["code"] as? String == "pro")
            let sites = try #require(details["locations"] as? [[String: Any]])
            #expect(sites.count == 2)
            let lines = try #require(sites.first?["inventory"] as? [[String: Any]])
            #expect(lines.map { $0["sku"] as? String } == ["LIP-001", "SER-001"])
            #expect(lines.map { $0["onHand"] as? Int } == [0, 0])
            #expect((sites.first?["location"] as? [String: Any])?["country"] as? String == "DE")
            // Each location opens with a refill to par: 12 lipsticks (two packs of 6) and 5 serums.
            let refills = try #require(details["openRefills"] as? [[String: Any]])
            #expect(refills.count == 2)
            #expect(refills.allSatisfy { ($0["lines"] as? [[String: Any]])?.map { $0["quantity"] as? Int } == [12, 5] })
            #expect(try await world.events(ofType: "stand.created").count == 1)
            #expect(try await world.events(ofType: "stand.refill.requested").count == 2)
        }
    }

    @Test func existingStandPartnersJoinWithTheDefaultPlanogram() async throws {
        try await withTestApp { world in
            let staff = try await world.account(.staff)
            try await world.seedCatalogue(as: staff)
            let partner = try await world.partner("Corner Stand", type: .stand, tierCode: nil)
            let body =
                #"{"partnerId":"\#(partner.id.apiString)","packageLevel":"starter","locations":[\#(TestWorld.standLocation("Shop"))]}"#
            let created = try await world.send(.POST, "/api/v1/stand/create", as: staff, json: body)
            #expect(created.status == .created)
            let sites = try #require(try created.json["locations"] as? [[String: Any]])
            // The starter planogram picks active products only, across categories.
            #expect((sites.first?["inventory"] as? [[String: Any]])?.map { $0["sku"] as? String } == ["LIP-001", "SER-001"])
            #expect(try await PartnerRecord.find(partner.id, on: world.app.db)?.$tier.id != nil)
            try await world.send(.POST, "/api/v1/stand/create", as: staff, json: body).expectProblem(.conflict)
            let dealer = try await world.partner("Not A Stand")
            let wrongType = try await world.send(
                .POST, "/api/v1/stand/create", as: staff,
                json: body.replacingOccurrences(of: partner.id.apiString, with: dealer.id.apiString))
            #expect(try wrongType.fieldErrors() == ["partnerId"])
        }
    }

    @Test func invalidEnrolmentsNameEveryFieldAndSaveNothing() async throws {
        try await withTestApp { world in
            let staff = try await world.account(.staff)
            try await world.seedCatalogue(as: staff)
            let body = #"""
                {"partner":{"type":"dealer","companyName":"","email":"nope","region":"DACH","country":"DE"},"packageLevel":"plus",
                 "locations":[{"name":"","venueType":"pharmacy","address":"A 1","city":"Berlin","region":"DACH","country":"Germany","latitude":95,"longitude":13,"capacityFacings":0}]}
                """#
            let response = try await world.send(.POST, "/api/v1/stand/create", as: staff, json: body)
            #expect(try Set(response.fieldErrors()) == ["locations[0].country", "locations[0].latitude", "locations[0].capacityFacings"])
            let rules = try await world.send(
                .POST, "/api/v1/stand/create", as: staff,
                json: body.replacingOccurrences(of: #""Germany","latitude":95"#, with: #""D1","latitude":52"#)
                    .replacingOccurrences(of: #""capacityFacings":0"#, with: #""capacityFacings":1"#))
            #expect(
                try Set(rules.fieldErrors()) == [
                    "partner.type", "partner.companyName", "partner.email", "locations[0].name", "locations[0].country",
                ])
            let planogram = #"""
                {"partner":{"type":"stand","companyName":"Planogram Co","email":"p@example.com","region":"DACH","country":"DE"},"packageLevel":"plus",
                 "locations":[\#(TestWorld.standLocation("S"))],
                 "planogram":[{"sku":"NOPE","parLevel":5,"minLevel":1},{"sku":"LIP-001","parLevel":3,"minLevel":3},{"sku":"OLD-001","parLevel":3,"minLevel":1}]}
                """#
            let lines = try await world.send(.POST, "/api/v1/stand/create", as: staff, json: planogram)
            #expect(
                try Set(lines.fieldErrors()) == ["planogram[0].sku", "planogram[1].minLevel", "planogram[2].sku"], "\(lines.body.string)")
            let neither = #"{"packageLevel":"plus","locations":[\#(TestWorld.standLocation("S"))]}"#
            #expect(try await world.send(.POST, "/api/v1/stand/create", as: staff, json: neither).fieldErrors() == ["partner"])
            try await world.send(.POST, "/api/v1/stand/create", as: staff, json: neither.replacingOccurrences(of: "plus", with: "gold"))
                .expectProblem(.unprocessableEntity)
            try await world.send(.POST, "/api/v1/stand/create", as: staff, json: "{").expectProblem(.badRequest)
            #expect(try await StandPartnerRecord.query(on: world.app.db).count() == 0)
            #expect(try await PartnerRecord.query(on: world.app.db).count() == 0)
        }
    }

    @Test func onlyHeadquartersEnrols() async throws {
        try await withTestApp { world in
            let staff = try await world.account(.staff)
            try await world.seedCatalogue(as: staff)
            let stand = try await world.enrolStand(as: staff, stocked: false)
            let partner = try await world.partner(of: stand)
            let owner = try await world.member(of: partner)
            let body = #"{"partnerId":"\#(stand.id)","packageLevel":"pro","locations":[\#(TestWorld.standLocation("X"))]}"#
            try await world.send(.POST, "/api/v1/stand/create", as: owner, json: body).expectProblem(.forbidden)
            try await world.send(.POST, "/api/v1/stand/create", json: body).expectProblem(.unauthorized)
        }
    }

    @Test func listsFilterAndPartnersSeeOnlyTheirOwnStands() async throws {
        try await withTestApp { world in
            let staff = try await world.account(.staff)
            try await world.seedCatalogue(as: staff)
            let alpha = try await world.enrolStand(as: staff, name: "Alpha Stand", package: "starter", region: "Nordics")
            let beta = try await world.enrolStand(as: staff, name: "Beta Stand", package: "pro", stocked: false)
            _ = try await world.enrolStand(as: staff, name: "Gamma Stand", package: "pro")
            func names(_ query: String, as account: TestWorld.Account) async throws -> [String] {
                let page = try await world.send(.GET, "/api/v1/stand/list\(query)", as: account).json
                return (page["items"] as? [[String: Any]] ?? []).compactMap { ($0["partner"] as? [String: Any])?["companyName"] as? String }
            }
            #expect(try await names("", as: staff) == ["Alpha Stand", "Beta Stand", "Gamma Stand"])
            #expect(try await names("?packageLevel=pro", as: staff) == ["Beta Stand", "Gamma Stand"])
            #expect(try await names("?region=Nordics", as: staff) == ["Alpha Stand"])
            #expect(try await names("?lowStock=true", as: staff) == ["Beta Stand"])
            // A current coach reorder point above a line's stock makes it low; a stale one does not.
            let alphaID = try #require(UUID(uuidString: alpha.id))
            let line = try #require(try await StandInventoryRecord.query(on: world.app.db).filter(\.$stand.$id == alphaID).first())
            let point = try await world.storeReorderPoint(
                stand: alphaID, location: line.$location.id, sku: line.sku, reorderPoint: line.onHand + 1, orderUpTo: line.onHand + 5,
                leadTimeDays: 3)
            #expect(try await names("?lowStock=true", as: staff) == ["Alpha Stand", "Beta Stand"])
            let details = try await world.send(.GET, "\(alpha.path)/details", as: staff).json
            let lines = (details["locations"] as? [[String: Any]] ?? []).flatMap { $0["inventory"] as? [[String: Any]] ?? [] }
            #expect(lines.filter { $0["low"] as? Bool == true }.map { $0["sku"] as? String } == [line.sku])
            try await world.age(point, to: TestWorld.now.addingTimeInterval(-8 * 86_400))
            #expect(try await names("?lowStock=true", as: staff) == ["Beta Stand"])
            #expect(try await names("?q=gamma", as: staff) == ["Gamma Stand"])
            let first = try await world.send(.GET, "/api/v1/stand/list?limit=2", as: staff).json
            let cursor = try #require(first["nextCursor"] as? String)
            #expect(try await names("?limit=2&cursor=\(cursor)", as: staff) == ["Gamma Stand"])
            try await world.send(.GET, "/api/v1/stand/list?packageLevel=gold", as: staff).expectProblem(.badRequest)

            let partner = try await world.partner(of: alpha)
            let owner = try await world.member(of: partner)
            #expect(try await names("", as: owner) == ["Alpha Stand"])
            try await world.send(.GET, "\(beta.path)/details", as: owner).expectProblem(.notFound)
            try await world.send(.GET, "/api/v1/stand/\(UUID().uuidString)/details", as: staff).expectProblem(.notFound)
            try await world.send(.GET, "/api/v1/stand/not-a-uuid/details", as: staff).expectProblem(.badRequest)
            try await world.send(.GET, "\(alpha.path)/details").expectProblem(.unauthorized)
            #expect(try await world.send(.GET, "\(alpha.path)/details", as: owner).status == .ok)
        }
    }
}
