import Foundation
import Testing
import Vapor
import Yams

@testable import PartnerServer

/// Walks the served spec: every secured operation answers an anonymous caller 401 before its body
/// is read, and the public operations in code are exactly those the spec marks `security: []`.
@Suite("Authentication before anything else")
struct SpecAuthenticationTests {
    struct Operation: Sendable, CustomTestStringConvertible {
        let id: String
        let method: String
        let path: String
        let isPublic: Bool
        var testDescription: String { "\(method) \(path)" }
    }

    static func operations() throws -> [Operation] {
        let text = try APISpec.yaml()
        let spec = try #require(try Yams.load(yaml: text) as? [String: Any])
        let paths = try #require(spec["paths"] as? [String: [String: Any]])
        return paths.flatMap { path, item in
            ["get", "post", "put", "patch", "delete"].compactMap { method -> Operation? in
                guard let operation = item[method] as? [String: Any], let id = operation["operationId"] as? String else { return nil }
                let security = operation["security"] as? [Any]
                return Operation(id: id, method: method.uppercased(), path: path, isPublic: security?.isEmpty == true)
            }
        }.sorted { $0.id < $1.id }
    }

    @Test func thePublicListMatchesTheSpec() throws {
        let specPublic = Set(try Self.operations().filter(\.isPublic).map(\.id))
        #expect(specPublic == AuthenticationMiddleware.publicOperations)
        #expect(try Self.operations().count >= 65)
    }

    @Test(arguments: try operations().filter { !$0.isPublic })
    func anAnonymousCallerGets401WhateverTheBody(_ operation: Operation) async throws {
        try await withTestApp { world in
            let path = operation.path.replacingOccurrences(
                of: #"\{[A-Za-z]+\}"#, with: UUID().uuidString.lowercased(), options: .regularExpression)
            let method = HTTPMethod(rawValue: operation.method)
            // No body, an empty JSON object, and a body of the wrong type: always the same 401.
            for body: (String?, String?) in [(nil, nil), ("{}", "application/json"), ("not json", "text/plain")] {
                let response = try await world.send(method, path, body: body.0, contentType: body.1)
                let problem = try response.expectProblem(.unauthorized)
                #expect(problem.errors == nil)
                #expect(response.headers.first(name: "WWW-Authenticate") == "Bearer")
            }
            let forged = try await world.send(
                method, path, body: "{}", contentType: "application/json", headers: ["Authorization": "Bearer pos_nope"])
            try forged.expectProblem(.unauthorized)
        }
    }
}
