import Foundation
import PartnerCore
import Testing
import Vapor
import VaporTesting

@testable import PartnerServer

@Suite("/api/v1/partners/{id}/users")
struct PartnerUserTests {
    @Test func staffAndOwnersLinkPartnerUsers() async throws {
        try await withTestApp { world in
            let staff = try await world.account(.staff)
            let partner = try await world.partner("Linked Salon", type: .salon)
            let path = "/api/v1/partners/\(partner.id.apiString)/users"
            let first = try await world.account(.partner, email: "first@example.com")
            let linked = try await world.send(.POST, path, as: staff, json: #"{"userId":"\#(first.id.apiString)","role":"owner"}"#)
            #expect(linked.status == .created)
            #expect(try linked.json["email"] as? String == "first@example.com")
            let second = try await world.account(.partner, email: "second@example.com")
            #expect(
                try await world.send(.POST, path, as: first, json: #"{"userId":"\#(second.id.apiString)","role":"viewer"}"#).status
                    == .created)
            let list = try await world.send(.GET, path, as: second)
            #expect(list.status == .ok)
            let members = try #require(try list.json["items"] as? [[String: Any]])
            #expect(members.compactMap { $0["email"] as? String } == ["first@example.com", "second@example.com"])
            #expect(members.compactMap { $0["role"] as? String } == ["owner", "viewer"])
        }
    }

    @Test func managersAndOtherPartnersCannotLink() async throws {
        try await withTestApp { world in
            let partner = try await world.partner("Guarded")
            let other = try await world.partner("Other")
            let path = "/api/v1/partners/\(partner.id.apiString)/users"
            let manager = try await world.member(of: partner, role: .manager)
            let outsider = try await world.member(of: other, role: .owner)
            let candidate = try await world.account(.partner)
            let body = #"{"userId":"\#(candidate.id.apiString)","role":"viewer"}"#
            try await world.send(.POST, path, as: manager, json: body).expectProblem(.forbidden)
            try await world.send(.POST, path, as: outsider, json: body).expectProblem(.notFound)
            try await world.send(.GET, path, as: outsider).expectProblem(.notFound)
            try await world.send(.POST, path, json: body).expectProblem(.unauthorized)
            try await world.send(.GET, path).expectProblem(.unauthorized)
        }
    }

    @Test func linkRequestsAreValidated() async throws {
        try await withTestApp { world in
            let staff = try await world.account(.staff)
            let partner = try await world.partner()
            let path = "/api/v1/partners/\(partner.id.apiString)/users"
            let admin = try await world.account(.admin)
            let member = try await world.member(of: partner)
            try await world.send(.POST, path, as: staff, json: #"{"userId":"\#(admin.id.apiString)","role":"owner"}"#).expectProblem(
                .unprocessableEntity)
            try await world.send(.POST, path, as: staff, json: #"{"userId":"\#(UUID().apiString)","role":"owner"}"#).expectProblem(
                .unprocessableEntity)
            let badID = try await world.send(.POST, path, as: staff, json: #"{"userId":"42","role":"owner"}"#)
            try badID.expectProblem(.unprocessableEntity)
            #expect(try badID.fieldErrors() == ["userId"])
            let badRole = try await world.send(.POST, path, as: staff, json: #"{"userId":"\#(member.id.apiString)","role":"boss"}"#)
            #expect(try badRole.fieldErrors() == ["role"])
            try await world.send(.POST, path, as: staff, json: #"{"userId":"\#(member.id.apiString)","role":"viewer"}"#).expectProblem(
                .conflict)
        }
    }
}
