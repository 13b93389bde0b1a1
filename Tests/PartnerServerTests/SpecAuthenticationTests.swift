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
        /// Whether the request body is JSON (others are CSV or PDF uploads).
        var takesJSON = false
        var takesLimit = false
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
                let content = ((operation["requestBody"] as? [String: Any])?["content"] as? [String: Any]) ?? [:]
                let parameters = (item["parameters"] as? [[String: Any]] ?? []) + (operation["parameters"] as? [[String: Any]] ?? [])
                return Operation(
                    id: id, method: method.uppercased(), path: path, isPublic: security?.isEmpty == true,
                    takesJSON: content["application/json"] != nil,
                    takesLimit: parameters.contains { ($0["$ref"] as? String)?.hasSuffix("/Limit") == true })
            }
        }.sorted { $0.id < $1.id }
    }

    @Test func thePublicListMatchesTheSpec() throws {
        let specPublic = Set(try Self.operations().filter(\.isPublic).map(\.id))
        #expect(specPublic == AuthenticationMiddleware.publicOperations)
        #expect(try Self.operations().count >= 65)
    }

    /// One application for the whole walk: a test app per operation would open more PostgreSQL
    /// connections than a throwaway cluster allows.
    @Test func anAnonymousCallerGets401OnEverySecuredOperationWhateverTheBody() async throws {
        let secured = try Self.operations().filter { !$0.isPublic }
        #expect(secured.count >= 65)
        try await withTestApp { world in
            for operation in secured {
                let path = operation.path.replacingOccurrences(
                    of: #"\{[A-Za-z]+\}"#, with: UUID().uuidString.lowercased(), options: .regularExpression)
                let method = HTTPMethod(rawValue: operation.method)
                // No body, an empty JSON object, a body of the wrong type, a forged token: always 401.
                let attempts: [(String?, String?, HTTPHeaders)] = [
                    (nil, nil, [:]), ("{}", "application/json", [:]), ("not json", "text/plain", [:]),
                    ("{}", "application/json", ["Authorization": "Bearer pos_nope"]),
                ]
                for (body, contentType, headers) in attempts {
                    let response = try await world.send(method, path, body: body, contentType: contentType, headers: headers)
                    #expect(response.status == .unauthorized, "\(operation.testDescription): \(response.status)")
                    #expect(try response.problem.errors == nil, "\(operation.testDescription)")
                    #expect(response.headers.first(name: "WWW-Authenticate") == "Bearer", "\(operation.testDescription)")
                }
            }
        }
    }
}
