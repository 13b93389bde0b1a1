import Fluent
import Foundation
import PartnerCore
import Testing
import Vapor

@testable import PartnerServer

/// The one policy at work over HTTP: token scopes govern reads, and partners that are not active
/// cannot start new business.
@Suite("Access control")
struct AccessControlTests {
    @Test func serviceTokenScopesGovernReads() async throws {
        try await withTestApp { world in
            let admin = try await world.account(.admin)
            let partner = try await world.partner("Scoped Dealer")
            let path = "/api/v1/partners/\(partner.id.apiString)"
            let pricing = try await world.serviceToken(#""pricing:write""#, as: admin)
            for read in [path, "\(path)/users", "\(path)/contracts", "\(path)/compliance-documents", "/api/v1/partners/list"] {
                try await world.send(.GET, read, headers: pricing).expectProblem(.forbidden)
            }
            #expect(try await world.send(.GET, "\(path)/pricing", headers: pricing).status == .ok)
            #expect(try await world.send(.GET, "/api/v1/pricing/guardrails", headers: pricing).status == .ok)
            let reader = try await world.serviceToken(#""partners:read""#, as: admin)
            #expect(try await world.send(.GET, path, headers: reader).status == .ok)
            try await world.send(.GET, "\(path)/orders", headers: reader).expectProblem(.forbidden)
            try await world.send(.GET, "\(path)/contracts", headers: reader).expectProblem(.forbidden)
            let orders = try await world.serviceToken(#""orders:write""#, as: admin)
            #expect(try await world.send(.GET, "\(path)/orders", headers: orders).status == .ok)
            let contracts = try await world.serviceToken(#""contracts:read""#, as: admin)
            #expect(try await world.send(.GET, "\(path)/contracts", headers: contracts).status == .ok)
            let created = try await world.send(
                .POST, "/api/v1/service-tokens", as: admin, json: #"{"name":"x","scopes":["stands:read","loyalty:write"]}"#)
            #expect(created.status == .created)
        }
    }

    @Test func suspendedPartnersCannotStartNewBusiness() async throws {
        try await withTestApp { world in
            let (staff, stand, manager) = try await world.stockedStand()
            let partnerPath = "/api/v1/partners/\(stand.id)"
            #expect(try await world.send(.PATCH, partnerPath, as: staff, json: #"{"status":"suspended"}"#).status == .ok)
            let key: HTTPHeaders = ["Idempotency-Key": UUID().uuidString]
            let refill = try await world.send(
                .POST, "/api/v1/stand/refill", as: manager, json: #"{"standId":"\#(stand.id)","locationId":"\#(stand.locations[0])"}"#,
                headers: key)
            #expect(try refill.expectProblem(.conflict).detail?.contains("suspended") == true)
            let redeem = try await world.send(.POST, "\(partnerPath)/loyalty/redeem", as: manager, json: #"{"points":1}"#, headers: key)
            try redeem.expectProblem(.conflict)
            let count = try await world.send(
                .POST, "\(stand.path)/inventory-snapshots", as: manager,
                json:
                    #"{"locationId":"\#(stand.locations[0])","takenAt":"2026-11-01T09:00:00Z","source":"count","lines":[{"sku":"LIP-001","counted":3}]}"#,
                headers: ["Idempotency-Key": UUID().uuidString])
            try count.expectProblem(.conflict)
            try await world.sale(stand, #"[{"sku":"LIP-001","quantity":1}]"#, as: manager).expectProblem(.conflict)
            // Members still read their history; HQ still counts the shelf of a suspended stand.
            #expect(try await world.send(.GET, "\(stand.path)/details", as: manager).status == .ok)
            let hqCount = try await world.send(
                .POST, "\(stand.path)/inventory-snapshots", as: staff,
                json:
                    #"{"locationId":"\#(stand.locations[0])","takenAt":"2026-11-01T09:00:00Z","source":"count","lines":[{"sku":"LIP-001","counted":3}]}"#,
                headers: ["Idempotency-Key": UUID().uuidString])
            #expect(hqCount.status == .created, "\(hqCount.body.string)")
        }
    }
}
