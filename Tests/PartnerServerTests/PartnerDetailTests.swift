import Fluent
import Foundation
import PartnerCore
import Testing
import Vapor
import VaporTesting

@testable import PartnerServer

@Suite("GET and PATCH /api/v1/partners/{id}")
struct PartnerDetailTests {
    @Test func detailShowsTierAndLinkedUsers() async throws {
        try await withTestApp { world in
            let staff = try await world.account(.staff)
            let partner = try await world.partner("Iris Salon", type: .salon, tierCode: "silver")
            let owner = try await world.member(of: partner)
            for account in [staff, owner] {
                let response = try await world.send(.GET, "/api/v1/partners/\(partner.id.apiString)", as: account)
                #expect(response.status == .ok)
                let body = try response.json
                #expect((body["partner"] as? [String: Any])?["companyName"] as? String == "Iris Salon")
                #expect(((body["partner"] as? [String: Any])?["tier"] as? [String: Any])?["code"] as? String == "silver")
                #expect((body["users"] as? [[String: Any]])?.first?["email"] as? String == owner.user.email)
            }
        }
    }

    @Test func anotherPartnersObjectIsNotFound() async throws {
        try await withTestApp { world in
            let mine = try await world.partner("Mine")
            let theirs = try await world.partner("Theirs")
            let owner = try await world.member(of: mine)
            let path = "/api/v1/partners/\(theirs.id.apiString)"
            let hidden = try await world.send(.GET, path, as: owner)
            let missing = try await world.send(.GET, "/api/v1/partners/\(UUID().apiString)", as: owner)
            #expect(try hidden.expectProblem(.notFound).detail == missing.expectProblem(.notFound).detail)
            try await world.send(.PATCH, path, as: owner, json: #"{"phone":"+49 30 1234567"}"#).expectProblem(.notFound)
            try await world.send(.GET, "/api/v1/partners/not-a-uuid", as: owner).expectProblem(.badRequest)
            try await world.send(.GET, path).expectProblem(.unauthorized)
        }
    }

    @Test func staffEditsAnyFieldAndEventsNameTheChanges() async throws {
        try await withTestApp { world in
            let staff = try await world.account(.staff)
            let partner = try await world.partner("Coral Trading", status: .applicant)
            let response = try await world.send(
                .PATCH, "/api/v1/partners/\(partner.id.apiString)", as: staff,
                json: #"{"region":"Benelux","tierCode":"gold","status":"active","city":""}"#)
            #expect(response.status == .ok)
            let body = try response.json
            #expect(body["region"] as? String == "Benelux")
            #expect(body["status"] as? String == "active")
            #expect(body["city"] == nil)
            #expect((body["tier"] as? [String: Any])?["code"] as? String == "gold")
            let updated = try #require(try await world.events(ofType: "partner.updated").first)
            #expect(updated.data.contains(#""changedFields":["region","city","tierCode"]"#))
            let statusEvents = try await world.events(ofType: "partner.status.changed")
            #expect(statusEvents.count == 1)
            #expect(statusEvents.first?.data.contains(#""from":"applicant""#) == true)
        }
    }

    @Test func unchangedPatchWritesNothing() async throws {
        try await withTestApp { world in
            let staff = try await world.account(.staff)
            let partner = try await world.partner("Same Same")
            let response = try await world.send(
                .PATCH, "/api/v1/partners/\(partner.id.apiString)", as: staff, json: #"{"companyName":"Same Same","status":"active"}"#)
            #expect(response.status == .ok)
            #expect(try await world.events(ofType: "partner.updated").isEmpty)
            #expect(try await world.events(ofType: "partner.status.changed").isEmpty)
        }
    }

    @Test(arguments: [
        (PartnerStatus.active, PartnerStatus.applicant), (.terminated, .active), (.applicant, .suspended), (.suspended, .applicant),
    ])
    func illegalStatusMovesAreConflicts(from: PartnerStatus, to: PartnerStatus) async throws {
        try await withTestApp { world in
            let staff = try await world.account(.staff)
            let partner = try await world.partner(status: from)
            let response = try await world.send(
                .PATCH, "/api/v1/partners/\(partner.id.apiString)", as: staff, json: #"{"status":"\#(to.rawValue)"}"#)
            try response.expectProblem(.conflict)
            let stored = try await PartnerRecord.find(partner.id, on: world.app.db)
            #expect(stored?.status == from)
        }
    }

    @Test func suspensionCanBeLiftedAndTerminationIsFinal() async throws {
        try await withTestApp { world in
            let staff = try await world.account(.staff)
            let partner = try await world.partner()
            let path = "/api/v1/partners/\(partner.id.apiString)"
            for status in ["suspended", "active", "suspended", "terminated"] {
                #expect(try await world.send(.PATCH, path, as: staff, json: #"{"status":"\#(status)"}"#).status == .ok)
            }
            try await world.send(.PATCH, path, as: staff, json: #"{"status":"active"}"#).expectProblem(.conflict)
            #expect(try await world.events(ofType: "partner.status.changed").count == 4)
        }
    }

    @Test func ownersEditContactFieldsOnly() async throws {
        try await withTestApp { world in
            let partner = try await world.partner("Owner Edits")
            let path = "/api/v1/partners/\(partner.id.apiString)"
            let owner = try await world.member(of: partner, role: .owner)
            let manager = try await world.member(of: partner, role: .manager)
            let ok = try await world.send(
                .PATCH, path, as: owner, json: #"{"phone":"+49 30 1234567","website":"https://owner.example.com"}"#)
            #expect(ok.status == .ok)
            #expect(try ok.json["phone"] as? String == "+49 30 1234567")
            try await world.send(.PATCH, path, as: owner, json: #"{"phone":"+49 30 7654321","region":"France"}"#).expectProblem(.forbidden)
            try await world.send(.PATCH, path, as: owner, json: #"{"status":"suspended"}"#).expectProblem(.forbidden)
            try await world.send(.PATCH, path, as: manager, json: #"{"phone":"+49 30 1111111"}"#).expectProblem(.forbidden)
            let stored = try await PartnerRecord.find(partner.id, on: world.app.db)
            #expect(stored?.region == "DACH" && stored?.phone == "+49 30 1234567")
        }
    }

    @Test func patchValidatesLikeCreate() async throws {
        try await withTestApp { world in
            let staff = try await world.account(.staff)
            let partner = try await world.partner("Validated", tierCode: "silver")
            let path = "/api/v1/partners/\(partner.id.apiString)"
            let outOfRange = try await world.send(
                .PATCH, path, as: staff, json: #"{"email":"broken","companyName":"","latitude":10,"longitude":500}"#)
            try outOfRange.expectProblem(.unprocessableEntity)
            #expect(try outOfRange.fieldErrors() == ["longitude"])
            let invalid = try await world.send(
                .PATCH, path, as: staff, json: #"{"email":"broken","companyName":"","latitude":10}"#)
            try invalid.expectProblem(.unprocessableEntity)
            #expect(try Set(invalid.fieldErrors()) == ["email", "companyName", "longitude"])
            let wrongTier = try await world.send(.PATCH, path, as: staff, json: #"{"type":"stand"}"#)
            try wrongTier.expectProblem(.unprocessableEntity)
            #expect(try wrongTier.fieldErrors() == ["tierCode"])
            let moved = try await world.send(.PATCH, path, as: staff, json: #"{"type":"stand","tierCode":"plus"}"#)
            #expect(moved.status == .ok)
            let cleared = try await world.send(.PATCH, path, as: staff, json: #"{"tierCode":""}"#)
            #expect(try cleared.json["tier"] == nil)
            try await world.send(.PATCH, path, as: staff, json: #"{"status":"paused"}"#).expectProblem(.unprocessableEntity)
        }
    }

    @Test func renamingOntoAnotherPartnerIsAConflict() async throws {
        try await withTestApp { world in
            let staff = try await world.account(.staff)
            _ = try await world.partner("Taken Name")
            let partner = try await world.partner("Free Name")
            try await world.send(.PATCH, "/api/v1/partners/\(partner.id.apiString)", as: staff, json: #"{"companyName":"taken name"}"#)
                .expectProblem(.conflict)
        }
    }
}
