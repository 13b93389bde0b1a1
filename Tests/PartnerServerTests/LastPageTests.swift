import Foundation
import Testing
import Vapor

@testable import PartnerServer

/// The spec makes `nextCursor` required and nullable: a last page says `null`, it does not drop it.
@Suite("Last pages")
struct LastPageTests {
    @Test func everyListOperationOfTheSpecIsCovered() throws {
        let pages = try NullCursorMiddleware.operationsAnsweringPages(in: try APISpec.yaml())
        #expect(
            pages.isSuperset(of: ["listPartners", "listUsers", "listServiceTokens", "listStands", "listStandSales", "getPartnerLoyalty"]))
        #expect(!pages.contains("getPartner") && !pages.contains("login"))
    }

    @Test func aLastPageSendsANullCursorAndAFullOneACursor() async throws {
        try await withTestApp { world in
            let admin = try await world.account(.admin)
            let partner = try await world.partner("Paged Dealer")
            _ = try await world.partner("Second Dealer")
            for path in [
                "/api/v1/partners/list", "/api/v1/users", "/api/v1/stand/list", "/api/v1/products", "/api/v1/service-tokens",
                "/api/v1/partners/\(partner.id.apiString)/loyalty", "/api/v1/partners/\(partner.id.apiString)/orders",
            ] {
                let response = try await world.send(.GET, path, as: admin)
                #expect(response.status == .ok, "\(path)")
                #expect(try response.json["nextCursor"] is NSNull, "\(path): \(response.body.string)")
                #expect(response.headers.first(name: .contentLength).flatMap(Int.init) == response.body.readableBytes, "\(path)")
            }
            let first = try await world.send(.GET, "/api/v1/partners/list?limit=1", as: admin).json
            #expect(first["nextCursor"] is String)
        }
    }
}
