import Fluent
import Foundation
import PartnerCore
import Testing
import Vapor

@testable import PartnerServer

/// Access can be taken away, and the change holds from the very next request.
@Suite("Removing access")
struct AccessRemovalTests {
    @Test func ownersRemoveMembersButNeverTheLastOwner() async throws {
        try await withTestApp { world in
            let partner = try await world.partner("Members Dealer")
            let owner = try await world.member(of: partner, role: .owner)
            let manager = try await world.member(of: partner, role: .manager)
            let viewer = try await world.member(of: partner, role: .viewer)
            let path = "/api/v1/partners/\(partner.id.apiString)"
            #expect(try await world.send(.GET, path, as: manager).status == .ok)
            try await world.send(.DELETE, "\(path)/users/\(owner.id.apiString)", as: viewer).expectProblem(.forbidden)
            #expect(try await world.send(.DELETE, "\(path)/users/\(manager.id.apiString)", as: owner).status == .noContent)
            // Gone on the next request, with the same token.
            try await world.send(.GET, path, as: manager).expectProblem(.notFound)
            try await world.send(.DELETE, "\(path)/users/\(manager.id.apiString)", as: owner).expectProblem(.notFound)
            try await world.send(.DELETE, "\(path)/users/\(owner.id.apiString)", as: owner).expectProblem(.conflict)
            try await world.send(.DELETE, "\(path)/users/not-a-uuid", as: owner).expectProblem(.badRequest)
            let other = try await world.partner("Other Dealer")
            let otherOwner = try await world.member(of: other, role: .owner)
            try await world.send(.DELETE, "\(path)/users/\(viewer.id.apiString)", as: otherOwner).expectProblem(.notFound)
            let staff = try await world.account(.staff)
            #expect(try await world.send(.DELETE, "\(path)/users/\(viewer.id.apiString)", as: staff).status == .noContent)
        }
    }

    @Test func disablingAUserEndsItsTokensAndItsLoginsUntilEnabled() async throws {
        try await withTestApp { world in
            let admin = try await world.account(.admin)
            let staff = try await world.account(.staff, email: "pat@example.com")
            let path = "/api/v1/users/\(staff.id.apiString)"
            try await world.send(.POST, "\(path)/disable", as: staff).expectProblem(.forbidden)
            let disabled = try await world.send(.POST, "\(path)/disable", as: admin)
            #expect(try disabled.json["disabled"] as? Bool == true)
            try await world.send(.GET, "/api/v1/auth/me", as: staff).expectProblem(.unauthorized)
            let login = #"{"email":"pat@example.com","password":"\#(TestWorld.password)"}"#
            try await world.send(.POST, "/api/v1/auth/login", json: login).expectProblem(.unauthorized)
            #expect(try await world.send(.POST, "\(path)/enable", as: admin).json["disabled"] as? Bool == false)
            #expect(try await world.send(.POST, "/api/v1/auth/login", json: login).status == .ok)
            try await world.send(.POST, "/api/v1/users/\(UUID().uuidString)/disable", as: admin).expectProblem(.notFound)
            try await world.send(.POST, "/api/v1/users/nope/disable", as: admin).expectProblem(.badRequest)
        }
    }

    @Test func theLastAdminAndALastOwnerCannotBeDisabled() async throws {
        try await withTestApp { world in
            let admin = try await world.account(.admin)
            try await world.send(.POST, "/api/v1/users/\(admin.id.apiString)/disable", as: admin).expectProblem(.conflict)
            let second = try await world.account(.admin)
            #expect(try await world.send(.POST, "/api/v1/users/\(admin.id.apiString)/disable", as: second).status == .ok)
            try await world.send(.POST, "/api/v1/users/\(second.id.apiString)/disable", as: second).expectProblem(.conflict)
            let partner = try await world.partner("Sole Owner Salon", type: .salon)
            let owner = try await world.member(of: partner, role: .owner)
            try await world.send(.POST, "/api/v1/users/\(owner.id.apiString)/disable", as: second).expectProblem(.conflict)
            _ = try await world.member(of: partner, role: .owner)
            #expect(try await world.send(.POST, "/api/v1/users/\(owner.id.apiString)/disable", as: second).status == .ok)
        }
    }

    @Test func serviceTokensAreListedWithoutSecretsAndRevoked() async throws {
        try await withTestApp { world in
            let admin = try await world.account(.admin)
            let created = try await world.send(
                .POST, "/api/v1/service-tokens", as: admin, json: #"{"name":"Finance OS","scopes":["orders:read"]}"#)
            let token = try #require(try created.json["token"] as? String)
            let id = try #require(try created.json["id"] as? String)
            let listed = try await world.send(.GET, "/api/v1/service-tokens", as: admin)
            #expect(!listed.body.string.contains(token))
            let item = try #require((try listed.json["items"] as? [[String: Any]])?.first)
            #expect(item["name"] as? String == "Finance OS" && item["revoked"] as? Bool == false)
            #expect(item["scopes"] as? [String] == ["orders:read"])
            #expect(try listed.json.keys.contains("nextCursor"))
            let bearer: HTTPHeaders = ["Authorization": "Bearer \(token)"]
            #expect(try await world.send(.GET, "/api/v1/dealers/orders", headers: bearer).status == .ok)
            let staff = try await world.account(.staff)
            try await world.send(.DELETE, "/api/v1/service-tokens/\(id)", as: staff).expectProblem(.forbidden)
            try await world.send(.GET, "/api/v1/service-tokens", as: staff).expectProblem(.forbidden)
            #expect(try await world.send(.DELETE, "/api/v1/service-tokens/\(id)", as: admin).status == .noContent)
            try await world.send(.GET, "/api/v1/dealers/orders", headers: bearer).expectProblem(.unauthorized)
            try await world.send(.DELETE, "/api/v1/service-tokens/\(staff.id.apiString)", as: admin).expectProblem(.notFound)
            let after = try await world.send(.GET, "/api/v1/service-tokens?limit=0", as: admin)
            #expect(try after.fieldErrors() == ["limit"])
        }
    }

    @Test func changingOnesPasswordRevokesTheOtherTokens() async throws {
        try await withTestApp { world in
            let user = try await world.account(.staff, email: "lee@example.com")
            let other = try await world.users.issueToken(for: user.id, lifetime: 3600)
            let wrong = try await world.send(
                .POST, "/api/v1/auth/password", as: user,
                json: #"{"currentPassword":"not it at all","newPassword":"a new long secret"}"#)
            #expect(try wrong.fieldErrors() == ["currentPassword"])
            let short = try await world.send(
                .POST, "/api/v1/auth/password", as: user, json: #"{"currentPassword":"\#(TestWorld.password)","newPassword":"short"}"#)
            #expect(try short.fieldErrors() == ["newPassword"])
            let changed = try await world.send(
                .POST, "/api/v1/auth/password", as: user,
                json: #"{"currentPassword":"\#(TestWorld.password)","newPassword":"a new long secret"}"#)
            #expect(changed.status == .noContent)
            #expect(try await world.send(.GET, "/api/v1/auth/me", as: user).status == .ok)
            try await world.send(.GET, "/api/v1/auth/me", headers: ["Authorization": "Bearer \(other.token)"]).expectProblem(.unauthorized)
            let login = try await world.send(
                .POST, "/api/v1/auth/login", json: #"{"email":"lee@example.com","password":"a new long secret"}"#)
            #expect(login.status == .ok)
            let admin = try await world.account(.admin)
            let integration = try await world.serviceToken(#""orders:read""#, as: admin)
            try await world.send(
                .POST, "/api/v1/auth/password", json: #"{"currentPassword":"anything at all","newPassword":"a new long secret"}"#,
                headers: integration
            ).expectProblem(.forbidden)
        }
    }
}
