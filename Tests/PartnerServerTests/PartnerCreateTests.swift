import Foundation
import PartnerCore
import Testing
import Vapor
import VaporTesting

@testable import PartnerServer

@Suite("POST /api/v1/partners/create")
struct PartnerCreateTests {
    static let valid = #"""
        {"type":"dealer","companyName":"Velvet Beauty Supply GmbH","email":"Orders@Velvet.example.com","region":"DACH",
         "country":"de","city":"Berlin","latitude":52.52,"longitude":13.405,"taxId":"de 123456789","website":"https://velvet.example.com"}
        """#

    @Test func staffRegistersAPartnerInTheEntryTierAndAnEventIsRecorded() async throws {
        try await withTestApp { world in
            let staff = try await world.account(.staff)
            let response = try await world.send(.POST, "/api/v1/partners/create", as: staff, json: Self.valid)
            #expect(response.status == .created)
            let body = try response.json
            #expect(body["companyName"] as? String == "Velvet Beauty Supply GmbH")
            #expect(body["email"] as? String == "orders@velvet.example.com")
            #expect(body["country"] as? String == "DE")
            #expect(body["taxId"] as? String == "DE123456789")
            #expect(body["status"] as? String == "applicant")
            #expect((body["tier"] as? [String: Any])?["code"] as? String == "bronze")
            #expect(body["createdAt"] is String && body["updatedAt"] is String)
            let id = try #require(body["id"] as? String)
            let events = try await world.events(ofType: "partner.created")
            #expect(events.count == 1)
            #expect(events.first?.subjectID.apiString == id)
            #expect(events.first?.data.contains("Velvet Beauty Supply GmbH") == true)
        }
    }

    @Test func explicitTierAndActiveStatusAreHonoured() async throws {
        try await withTestApp { world in
            let admin = try await world.account(.admin)
            let response = try await world.send(
                .POST, "/api/v1/partners/create", as: admin,
                json:
                    #"{"type":"stand","companyName":"Opal Pharmacy","email":"a@opal.example.com","region":"Italy","country":"IT","tierCode":"pro","status":"active"}"#
            )
            #expect(response.status == .created)
            #expect(try response.json["status"] as? String == "active")
            #expect((try response.json["tier"] as? [String: Any])?["code"] as? String == "pro")
        }
    }

    @Test func everyInvalidFieldIsNamed() async throws {
        try await withTestApp { world in
            let staff = try await world.account(.staff)
            let response = try await world.send(
                .POST, "/api/v1/partners/create", as: staff,
                json:
                    #"{"type":"dealer","companyName":"X","email":"nope","region":"","country":"Germany","latitude":91,"longitude":10,"website":"ftp://x","status":"suspended","tierCode":"diamond"}"#
            )
            try response.expectProblem(.unprocessableEntity)
            #expect(try Set(response.fieldErrors()) == ["country", "latitude"])
            let rules = try await world.send(
                .POST, "/api/v1/partners/create", as: staff,
                json:
                    #"{"type":"dealer","companyName":"X","email":"nope","region":"","country":"D1","latitude":90,"website":"ftp://x","status":"suspended","tierCode":"diamond"}"#
            )
            try rules.expectProblem(.unprocessableEntity)
            #expect(
                try Set(rules.fieldErrors()) == [
                    "companyName", "email", "region", "country", "longitude", "website", "status", "tierCode",
                ])
        }
    }

    @Test(arguments: [
        (#"{"type":"franchise","companyName":"Acme","email":"a@b.example.com","region":"DACH","country":"DE"}"#, "type"),
        (#"{"type":"dealer","email":"a@b.example.com","region":"DACH","country":"DE"}"#, "companyName"),
        (
            #"{"type":"dealer","companyName":"Acme","email":"a@b.example.com","region":"DACH","country":"DE","latitude":"north"}"#,
            "latitude"
        ),
        (
            #"{"type":"dealer","companyName":"Acme","email":"a@b.example.com","region":"DACH","country":"DE","tierCode":"starter"}"#,
            "tierCode"
        ),
        (#"{"type":"dealer","companyName":"Acme","email":"a@b.example.com","region":"DACH","country":"DE","latitude":50}"#, "longitude"),
    ])
    func shapeErrorsAre422WithTheField(body: String, field: String) async throws {
        try await withTestApp { world in
            let staff = try await world.account(.staff)
            let response = try await world.send(.POST, "/api/v1/partners/create", as: staff, json: body)
            try response.expectProblem(.unprocessableEntity)
            #expect(try response.fieldErrors() == [field])
        }
    }

    @Test func duplicatesAreConflicts() async throws {
        try await withTestApp { world in
            let staff = try await world.account(.staff)
            #expect(try await world.send(.POST, "/api/v1/partners/create", as: staff, json: Self.valid).status == .created)
            let sameName =
                #"{"type":"dealer","companyName":"  velvet   beauty supply gmbh ","email":"x@y.example.com","region":"DACH","country":"DE"}"#
            try await world.send(.POST, "/api/v1/partners/create", as: staff, json: sameName).expectProblem(.conflict)
            let sameTax =
                #"{"type":"salon","companyName":"Another Salon","email":"x@y.example.com","region":"DACH","country":"DE","taxId":"DE123456789"}"#
            try await world.send(.POST, "/api/v1/partners/create", as: staff, json: sameTax).expectProblem(.conflict)
            let otherType =
                #"{"type":"salon","companyName":"Velvet Beauty Supply GmbH","email":"x@y.example.com","region":"DACH","country":"DE"}"#
            #expect(try await world.send(.POST, "/api/v1/partners/create", as: staff, json: otherType).status == .created)
            #expect(try await world.events(ofType: "partner.created").count == 2)
        }
    }

    @Test func concurrentDuplicateRegistrationsCreateOnePartner() async throws {
        try await withTestApp { world in
            let staff = try await world.account(.staff)
            let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for _ in 0..<12 {
                    group.addTask { try await world.send(.POST, "/api/v1/partners/create", as: staff, json: Self.valid).status }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == .created }.count == 1)
            #expect(statuses.filter { $0 == .conflict }.count == 11)
            #expect(try await PartnerRecord.query(on: world.app.db).count() == 1)
        }
    }

    @Test func onlyHeadquartersRegistersPartners() async throws {
        try await withTestApp { world in
            let partner = try await world.partner()
            let owner = try await world.member(of: partner)
            try await world.send(.POST, "/api/v1/partners/create", as: owner, json: Self.valid).expectProblem(.forbidden)
            try await world.send(.POST, "/api/v1/partners/create", json: Self.valid).expectProblem(.unauthorized)
        }
    }
}
