import Foundation
import Testing
import Vapor

@testable import PartnerServer

extension TestWorld {
    static let lipstick =
        #"{"sku":"lip-001","name":"Velvet Lipstick","category":"lips","listPrice":{"amount":"20.00","currency":"EUR"},"unitCost":{"amount":"8.00","currency":"EUR"},"packSize":6}"#

    /// A small catalogue through the API: LIP-001 (list 20.00, cost 8.00, floor 12.00, at most 30 % off),
    /// SER-001 (list 35.00, no guardrail) and the retired OLD-001.
    func seedCatalogue(as staff: Account) async throws {
        let requests: [(HTTPMethod, String, String)] = [
            (.POST, "/api/v1/products", Self.lipstick),
            (
                .POST, "/api/v1/products",
                #"{"sku":"SER-001","name":"Hydra Serum","category":"skin","listPrice":{"amount":"35.00","currency":"EUR"}}"#
            ),
            (
                .POST, "/api/v1/products",
                #"{"sku":"OLD-001","name":"Retired Balm","category":"skin","listPrice":{"amount":"5.00","currency":"EUR"},"active":false}"#
            ),
            (
                .PUT, "/api/v1/pricing/guardrails",
                #"{"items":[{"sku":"LIP-001","floorPrice":{"amount":"12.00","currency":"EUR"},"maxDiscountPercent":30}]}"#
            ),
        ]
        for (method, path, body) in requests {
            let response = try await send(method, path, as: staff, json: body)
            #expect(response.status == .created || response.status == .ok, "\(path): \(response.body.string)")
        }
    }
}
