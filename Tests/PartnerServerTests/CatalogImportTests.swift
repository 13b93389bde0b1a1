import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import PartnerServer

/// The catalogue import as Pricing OS and HQ use it: all or nothing, never below a floor, safe
/// under concurrency, and no file can stop the server.
@Suite("Catalogue import")
struct CatalogImportTests {
    static let header = "sku,name,category,listPrice,currency"

    private func importCSV(_ world: TestWorld, _ csv: String, as account: TestWorld.Account) async throws -> TestingHTTPResponse {
        try await world.send(.POST, "/api/v1/products/import", as: account, body: csv, contentType: "text/csv")
    }

    @Test func aListPriceMayNotGoBelowTheFloor() async throws {
        try await withTestApp { world in
            let staff = try await world.account(.staff)
            try await world.seedCatalogue(as: staff)
            // LIP-001 has a 12.00 floor.
            let below = try await importCSV(
                world, "\(Self.header)\nSER-001,Serum,skin,30.00,EUR\nLIP-001,Lipstick,lips,11.99,EUR\n", as: staff)
            #expect(try below.fieldErrors() == ["rows[2].listPrice"])
            #expect(try await ProductRecord.query(on: world.app.db).filter(\.$sku == "SER-001").first()?.listPriceMinor == 3_500)
            let atFloor = try await importCSV(world, "\(Self.header)\nLIP-001,Lipstick,lips,12.00,EUR\n", as: staff)
            #expect(atFloor.status == .ok)
        }
    }

    @Test func aRepeatedColumnIsA422AndTheServerStaysUp() async throws {
        try await withTestApp { world in
            let staff = try await world.account(.staff)
            let repeated = try await importCSV(world, "\(Self.header),sku\nA-1,Lip,lips,10.00,EUR,A-2\n", as: staff)
            #expect(try repeated.fieldErrors() == ["header"])
            let unterminated = try await importCSV(world, "\(Self.header)\nA-1,\"open,lips,10.00,EUR\n", as: staff)
            try unterminated.expectProblem(.unprocessableEntity)
            let binary = try await importCSV(world, "\u{0}\u{1},\u{2}\n\u{FFFD}", as: staff)
            try binary.expectProblem(.unprocessableEntity)
            #expect(try await world.send(.GET, "/api/v1/products", as: staff).status == .ok)
        }
    }

    @Test func quotedFieldsEmbeddedNewlinesAndABOMAreRead() async throws {
        try await withTestApp { world in
            let staff = try await world.account(.staff)
            let csv =
                "\u{FEFF}\(Self.header)\r\n\"Q-1\",\"Rouge \"\"Nuit\"\", 2 in 1\",lips,9.50,EUR\r\n\"Q-2\",\"Two\nlines\",skin,4.00,EUR\r\n"
            let imported = try await importCSV(world, csv, as: staff)
            #expect(imported.status == .ok, "\(imported.body.string)")
            #expect(try imported.json["created"] as? Int == 2)
            let names = try await ProductRecord.query(on: world.app.db).sort(\.$sku).all().map(\.name)
            #expect(names == ["Rouge \"Nuit\", 2 in 1", "Two\nlines"])
        }
    }

    @Test func concurrentImportsOfANewSKUCreateItOnce() async throws {
        try await withTestApp { world in
            let staff = try await world.account(.staff)
            let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for index in 0..<8 {
                    group.addTask {
                        try await importCSV(world, "\(Self.header)\nNEW-1,New \(index),lips,10.00,EUR\n", as: staff).status
                    }
                }
                return try await group.reduce(into: [HTTPStatus]()) { $0.append($1) }
            }
            #expect(statuses.allSatisfy { $0 == .ok }, "\(statuses)")
            #expect(try await ProductRecord.query(on: world.app.db).filter(\.$sku == "NEW-1").count() == 1)
        }
    }
}
