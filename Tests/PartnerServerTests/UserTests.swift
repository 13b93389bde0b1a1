import Foundation
import PartnerCore
import Testing
import Vapor
import VaporTesting

@testable import PartnerServer

@Suite("Users")
struct UserTests {
    @Test func adminCreatesUsersWithoutExposingPasswords() async throws {
        try await withTestApp { world in
            let admin = try await world.account(.admin)
            let response = try await world.send(
                .POST, "/api/v1/users", as: admin,
                json: #"{"email":"New.Person@Example.com","name":"New Person","password":"long enough pw","role":"staff"}"#)
            #expect(response.status == .created)
            let body = try response.json
            #expect(body["email"] as? String == "new.person@example.com")
            #expect(body["role"] as? String == "staff")
            #expect(body.keys.allSatisfy { !$0.lowercased().contains("password") })
            let login = try await world.send(
                .POST, "/api/v1/auth/login", json: #"{"email":"new.person@example.com","password":"long enough pw"}"#)
            #expect(login.status == .ok)
        }
    }

    @Test func createRejectsInvalidFieldsAllAtOnce() async throws {
        try await withTestApp { world in
            let admin = try await world.account(.admin)
            // The limits the spec states are checked first, all at once; then the business rules.
            let tooShort = try await world.send(
                .POST, "/api/v1/users", as: admin, json: #"{"email":"not-an-email","name":" ","password":"short","role":"staff"}"#)
            try tooShort.expectProblem(.unprocessableEntity)
            #expect(try tooShort.fieldErrors() == ["password"])
            let invalid = try await world.send(
                .POST, "/api/v1/users", as: admin, json: #"{"email":"not-an-email","name":" ","password":"long enough pw","role":"staff"}"#)
            try invalid.expectProblem(.unprocessableEntity)
            #expect(try Set(invalid.fieldErrors()) == ["email", "name"])
            let badRole = try await world.send(
                .POST, "/api/v1/users", as: admin, json: #"{"email":"a@example.com","name":"A","password":"long enough pw","role":"owner"}"#
            )
            try badRole.expectProblem(.unprocessableEntity)
            #expect(try badRole.fieldErrors() == ["role"])
        }
    }

    @Test func duplicateEmailIsAConflict() async throws {
        try await withTestApp { world in
            let admin = try await world.account(.admin)
            _ = try await world.account(.staff, email: "taken@example.com")
            let response = try await world.send(
                .POST, "/api/v1/users", as: admin,
                json: #"{"email":"TAKEN@example.com","name":"B","password":"long enough pw","role":"partner"}"#)
            try response.expectProblem(.conflict)
        }
    }

    @Test func onlyAdminsManageUsers() async throws {
        try await withTestApp { world in
            let staff = try await world.account(.staff)
            let partnerUser = try await world.account(.partner)
            let body = #"{"email":"x@example.com","name":"X","password":"long enough pw","role":"admin"}"#
            try await world.send(.POST, "/api/v1/users", as: staff, json: body).expectProblem(.forbidden)
            try await world.send(.POST, "/api/v1/users", as: partnerUser, json: body).expectProblem(.forbidden)
            try await world.send(.POST, "/api/v1/users", json: body).expectProblem(.unauthorized)
            try await world.send(.GET, "/api/v1/users", as: staff).expectProblem(.forbidden)
            try await world.send(.GET, "/api/v1/users").expectProblem(.unauthorized)
        }
    }

    @Test func listPagesThroughUsersByEmail() async throws {
        try await withTestApp { world in
            let admin = try await world.account(.admin, email: "a-admin@example.com")
            for name in ["b", "c", "d"] { _ = try await world.account(.staff, email: "\(name)@example.com") }
            var emails: [String] = []
            var cursor: String?
            repeat {
                let path = "/api/v1/users?limit=2" + (cursor.map { "&cursor=\($0)" } ?? "")
                let page = try await world.send(.GET, path, as: admin)
                #expect(page.status == .ok)
                let body = try page.json
                emails += (body["items"] as? [[String: Any]] ?? []).compactMap { $0["email"] as? String }
                cursor = body["nextCursor"] as? String
            } while cursor != nil && emails.count < 10
            #expect(emails == ["a-admin@example.com", "b@example.com", "c@example.com", "d@example.com"])
            try await world.send(.GET, "/api/v1/users?limit=0", as: admin).expectProblem(.unprocessableEntity)
            try await world.send(.GET, "/api/v1/users?cursor=garbage!", as: admin).expectProblem(.badRequest)
        }
    }
}
