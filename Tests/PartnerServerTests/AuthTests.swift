import Fluent
import Foundation
import PartnerCore
import Testing
import Vapor
import VaporTesting

@testable import PartnerServer

@Suite("Auth: login, logout, me, tokens")
struct AuthTests {
    @Test func loginIssuesAWorkingTokenAndNeverReturnsTheHash() async throws {
        try await withTestApp { world in
            let staff = try await world.account(.staff, email: "kim@example.com")
            let response = try await world.send(
                .POST, "/api/v1/auth/login", json: #"{"email":" Kim@Example.com ","password":"\#(TestWorld.password)"}"#)
            #expect(response.status == .ok)
            let body = try response.json
            let token = try #require(body["token"] as? String)
            #expect(token.hasPrefix("pos_") && token.count > 40)
            let user = try #require(body["user"] as? [String: Any])
            #expect(user["id"] as? String == staff.id.uuidString.lowercased())
            #expect(user["passwordHash"] == nil && user["password"] == nil)
            let expiresAt = try #require(body["expiresAt"] as? String)
            #expect(ISO8601DateFormatter().date(from: expiresAt)! > TestWorld.now)

            let me = try await world.send(.GET, "/api/v1/auth/me", headers: ["Authorization": "Bearer \(token)"])
            #expect(me.status == .ok)
            #expect((try me.json["user"] as? [String: Any])?["email"] as? String == "kim@example.com")
        }
    }

    @Test func tokensAreStoredOnlyAsDigests() async throws {
        try await withTestApp { world in
            let account = try await world.account(.staff)
            let stored = try await APITokenRecord.query(on: world.app.db).all().map(\.tokenHash)
            #expect(!stored.contains(account.token))
            #expect(stored.contains(BearerToken.digest(account.token)))
        }
    }

    @Test func wrongPasswordAndUnknownEmailLookTheSame() async throws {
        try await withTestApp { world in
            _ = try await world.account(.staff, email: "kim@example.com")
            let wrong = try await world.send(.POST, "/api/v1/auth/login", json: #"{"email":"kim@example.com","password":"nope nope nope"}"#)
            let unknown = try await world.send(
                .POST, "/api/v1/auth/login", json: #"{"email":"who@example.com","password":"nope nope nope"}"#)
            let first = try wrong.expectProblem(.unauthorized)
            let second = try unknown.expectProblem(.unauthorized)
            #expect(first.detail == second.detail)
        }
    }

    @Test func loginValidatesItsBody() async throws {
        try await withTestApp { world in
            let missing = try await world.send(.POST, "/api/v1/auth/login", json: #"{"email":"kim@example.com"}"#)
            try missing.expectProblem(.unprocessableEntity)
            #expect(try missing.fieldErrors() == ["password"])
            let empty = try await world.send(.POST, "/api/v1/auth/login", json: #"{"email":"","password":""}"#)
            #expect(try Set(empty.fieldErrors()) == ["email", "password"])
            let malformed = try await world.send(.POST, "/api/v1/auth/login", json: #"{"email":"#)
            try malformed.expectProblem(.badRequest)
        }
    }

    @Test func parallelGuessesAreCountedBeforeBcryptAndTheOwnerElsewhereStillGetsIn() async throws {
        try await withTestApp(configure: { $0.trustedProxies = 1 }) { world in
            _ = try await world.account(.staff, email: "kim@example.com")
            let guess = #"{"email":"kim@example.com","password":"wrong password"}"#
            let attacker: HTTPHeaders = ["X-Forwarded-For": "198.51.100.7"]
            let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for _ in 0..<20 {
                    group.addTask { try await world.send(.POST, "/api/v1/auth/login", json: guess, headers: attacker).status }
                }
                return try await group.reduce(into: [HTTPStatus]()) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == .unauthorized }.count == 5)
            #expect(statuses.filter { $0 == .tooManyRequests }.count == 15)
            let correct = #"{"email":"kim@example.com","password":"\#(TestWorld.password)"}"#
            let blocked = try await world.send(.POST, "/api/v1/auth/login", json: correct, headers: attacker)
            try blocked.expectProblem(.tooManyRequests)
            let retryAfter = try #require(blocked.headers.first(name: "Retry-After").flatMap(Int.init))
            #expect((1...900).contains(retryAfter))
            // The owner, from another address, is slowed at most — never refused.
            let owner = try await world.send(.POST, "/api/v1/auth/login", json: correct, headers: ["X-Forwarded-For": "203.0.113.9"])
            #expect(owner.status == .ok)
            // A client-written entry left of the proxy's is ignored: the proxy saw 198.51.100.7.
            let spoofed = try await world.send(
                .POST, "/api/v1/auth/login", json: correct, headers: ["X-Forwarded-For": "203.0.113.9, 198.51.100.7"])
            try spoofed.expectProblem(.tooManyRequests)
        }
    }

    @Test func oneAddressIsCappedAcrossAccounts() async throws {
        try await withTestApp(configure: { $0.loginLimits.addressFailures = 4 }) { world in
            for index in 0..<4 {
                let response = try await world.send(
                    .POST, "/api/v1/auth/login", json: #"{"email":"nobody\#(index)@example.com","password":"wrong password"}"#)
                #expect(response.status == .unauthorized)
            }
            try await world.send(.POST, "/api/v1/auth/login", json: #"{"email":"next@example.com","password":"wrong password"}"#)
                .expectProblem(.tooManyRequests)
        }
    }

    @Test func logoutRevokesTheToken() async throws {
        try await withTestApp { world in
            let account = try await world.account(.staff)
            let logout = try await world.send(.POST, "/api/v1/auth/logout", as: account)
            #expect(logout.status == .noContent)
            try await world.send(.GET, "/api/v1/auth/me", as: account).expectProblem(.unauthorized)
            try await world.send(.POST, "/api/v1/auth/logout").expectProblem(.unauthorized)
        }
    }

    @Test func expiredAndMalformedTokensAreRejected() async throws {
        try await withTestApp { world in
            let account = try await world.account(.staff)
            let expired = try await world.users.issueToken(for: account.id, lifetime: -1)
            try await world.send(.GET, "/api/v1/auth/me", headers: ["Authorization": "Bearer \(expired.token)"]).expectProblem(
                .unauthorized)
            try await world.send(.GET, "/api/v1/auth/me", headers: ["Authorization": "Basic a2ltOnB3"]).expectProblem(.unauthorized)
            try await world.send(.GET, "/api/v1/auth/me", headers: ["Authorization": "Bearer pos_forged"]).expectProblem(.unauthorized)
            let missing = try await world.send(.GET, "/api/v1/auth/me")
            try missing.expectProblem(.unauthorized)
            #expect(missing.headers.first(name: "WWW-Authenticate") == "Bearer")
        }
    }

    @Test func meListsThePartnersAUserBelongsTo() async throws {
        try await withTestApp { world in
            let partner = try await world.partner("Lumen Beauty GmbH")
            let owner = try await world.member(of: partner, role: .manager)
            let me = try await world.send(.GET, "/api/v1/auth/me", as: owner)
            #expect(me.status == .ok)
            let memberships = try #require(try me.json["memberships"] as? [[String: Any]])
            #expect(memberships.count == 1)
            #expect(memberships.first?["companyName"] as? String == "Lumen Beauty GmbH")
            #expect(memberships.first?["role"] as? String == "manager")
        }
    }

    @Test func meReadsEveryMembershipInCompanyNameOrderAndNoneForStaff() async throws {
        try await withTestApp { world in
            let zeta = try await world.partner("Zeta Salon AG")
            let alpha = try await world.partner("Alpha Beauty GmbH")
            let other = try await world.partner("Other Dealer KG")
            let owner = try await world.member(of: zeta, role: .owner)
            _ = try await world.users.link(userID: owner.id, to: alpha.id, role: .viewer)
            _ = try await world.member(of: other)

            let me = try await world.send(.GET, "/api/v1/auth/me", as: owner).json
            #expect((me["user"] as? [String: Any])?["id"] as? String == owner.id.apiString)
            let memberships = try #require(me["memberships"] as? [[String: Any]])
            #expect(memberships.map { $0["companyName"] as? String } == ["Alpha Beauty GmbH", "Zeta Salon AG"])
            #expect(memberships.map { $0["role"] as? String } == ["viewer", "owner"])
            #expect(memberships.map { $0["partnerId"] as? String } == [alpha.id.apiString, zeta.id.apiString])

            let staff = try await world.account(.staff)
            let staffMe = try await world.send(.GET, "/api/v1/auth/me", as: staff).json
            #expect((staffMe["user"] as? [String: Any])?["role"] as? String == "staff")
            #expect((staffMe["memberships"] as? [[String: Any]])?.isEmpty == true)
        }
    }
}
