import Foundation
import PartnerCore
import Testing
import Vapor
import Yams

@testable import PartnerServer

/// The limits the spec states are the limits the server enforces: every `maxLength`, `maxItems`
/// and `maximum` on a request body's fields and on query parameters is walked and exceeded, and each
/// must come back as a 422 naming that field.
@Suite("Spec limits")
struct SpecLimitTests {
    /// One over-the-limit value per stated limit of an operation's body or query.
    private struct Probe: CustomStringConvertible {
        let method: String
        let path: String
        let field: String
        let body: String?
        let query: String?
        var description: String { "\(method) \(path) \(field)" }
    }

    private static func probes() throws -> [Probe] {
        let spec = try #require(try Yams.load(yaml: try APISpec.yaml()) as? [String: Any])
        let components = try #require(spec["components"] as? [String: Any])
        let schemas = try #require(components["schemas"] as? [String: Any])
        let parameters = components["parameters"] as? [String: Any] ?? [:]
        func resolve(_ object: [String: Any], in section: [String: Any]) -> [String: Any] {
            guard let ref = object["$ref"] as? String, let name = ref.split(separator: "/").last else { return object }
            return section[String(name)] as? [String: Any] ?? [:]
        }
        var probes: [Probe] = []
        for case (let path, let item as [String: Any]) in try #require(spec["paths"] as? [String: Any]) {
            for method in ["get", "post", "put", "patch", "delete"] {
                guard let operation = item[method] as? [String: Any], (operation["security"] as? [Any])?.isEmpty != true else { continue }
                let content = (operation["requestBody"] as? [String: Any])?["content"] as? [String: Any]
                if let schema = (content?["application/json"] as? [String: Any])?["schema"] as? [String: Any] {
                    let properties = resolve(schema, in: schemas)["properties"] as? [String: Any] ?? [:]
                    for case (let name, let raw as [String: Any]) in properties {
                        let property = resolve(raw, in: schemas)
                        let tooBig: String? =
                            if let max = property["maxLength"] as? Int {
                                #""\#(String(repeating: "x", count: max + 1))""#
                            } else if let max = property["maxItems"] as? Int {
                                "[" + Array(repeating: "{}", count: max + 1).joined(separator: ",") + "]"
                            } else if let max = property["maximum"] as? Int {
                                String(max + 1)
                            } else {
                                nil
                            }
                        if let tooBig {
                            probes.append(
                                Probe(method: method.uppercased(), path: path, field: name, body: #"{"\#(name)":\#(tooBig)}"#, query: nil))
                        }
                    }
                }
                let declared = (item["parameters"] as? [Any] ?? []) + (operation["parameters"] as? [Any] ?? [])
                for case let raw as [String: Any] in declared {
                    let parameter = resolve(raw, in: parameters)
                    guard parameter["in"] as? String == "query", let name = parameter["name"] as? String,
                        let max = (parameter["schema"] as? [String: Any])?["maxLength"] as? Int
                    else { continue }
                    probes.append(
                        Probe(
                            method: method.uppercased(), path: path, field: name, body: nil,
                            query: "\(name)=\(String(repeating: "x", count: max + 1))"))
                }
            }
        }
        return probes.sorted { $0.description < $1.description }
    }

    @Test func everyStatedLimitIsEnforced() async throws {
        let probes = try Self.probes()
        #expect(probes.count >= 80)
        try await withTestApp { world in
            let admin = try await world.account(.admin)
            for probe in probes {
                let path =
                    probe.path.replacingOccurrences(
                        of: #"\{[A-Za-z]+\}"#, with: UUID().uuidString.lowercased(), options: .regularExpression)
                    + (probe.query.map { "?\($0)" } ?? "")
                let response = try await world.send(
                    HTTPMethod(rawValue: probe.method), path, as: admin, body: probe.body,
                    contentType: probe.body == nil ? nil : "application/json", headers: ["Idempotency-Key": UUID().uuidString])
                #expect(response.status == .unprocessableEntity, "\(probe): \(response.body.string)")
                #expect(try response.fieldErrors().contains(probe.field), "\(probe): \(response.body.string)")
            }
        }
    }

    @Test func nestedLimitsNameTheFieldAndEveryViolationIsReported() async throws {
        try await withTestApp { world in
            let (_, stand, manager) = try await world.stockedStand()
            let long = String(repeating: "x", count: 41)
            let response = try await world.send(
                .POST, "/api/v1/stand/sales-record", as: manager,
                json:
                    #"{"standId":"\#(stand.id)","soldAt":"2026-11-01T10:00:00Z","items":[{"sku":"LIP-001","quantity":1},{"sku":"\#(long)","quantity":100001}],"payment":{"method":"card","reference":"\#(String(repeating: "r", count: 121))"}}"#,
                headers: ["Idempotency-Key": UUID().uuidString])
            try response.expectProblem(.unprocessableEntity)
            #expect(try Set(response.fieldErrors()) == ["items[1].sku", "items[1].quantity", "payment.reference"])
            let header = try await world.send(
                .POST, "/api/v1/stand/sales-record", as: manager, json: "{}",
                headers: ["Idempotency-Key": String(repeating: "k", count: 201)])
            #expect(try header.fieldErrors() == ["Idempotency-Key"])
        }
    }

    @Test func anAnonymousCallerLearnsNoLimits() async throws {
        try await withTestApp { world in
            let response = try await world.send(
                .POST, "/api/v1/partners/create", json: #"{"companyName":"\#(String(repeating: "x", count: 500))"}"#)
            try response.expectProblem(.unauthorized)
        }
    }

    @Test func constraintsAreReadFromTheDocument() throws {
        let spec = """
            openapi: 3.1.0
            paths:
              /things:
                post:
                  operationId: makeThing
                  parameters:
                    - {name: q, in: query, schema: {type: string, maxLength: 3}}
                    - {name: n, in: query, schema: {type: integer, minimum: 1, maximum: 5}}
                  requestBody:
                    content:
                      application/json:
                        schema: {$ref: "#/components/schemas/Thing"}
            components:
              schemas:
                Thing:
                  type: object
                  properties:
                    name: {type: string, minLength: 2, maxLength: 4}
                    code: {type: string, pattern: "^[A-Z]+$"}
                    flag: {type: integer, minimum: 0, maximum: 1}
                    parts:
                      type: array
                      maxItems: 2
                      items: {$ref: "#/components/schemas/Thing"}
            """
        let operation = try #require(try SpecConstraints(spec: spec).operations["makeThing"])
        let body = try #require(operation.body)
        var errors: [FieldError] = []
        let json: [String: Any] = [
            "name": "x", "code": "abc", "flag": NSNumber(value: 2),
            "parts": [["name": "longer"], ["name": "ok"], ["name": "ok"]],
        ]
        body.check(json, at: "", into: &errors)
        #expect(Set(errors.map(\.field)) == ["name", "code", "flag", "parts", "parts[0].name"])
        errors = []
        body.check(try JSONSerialization.jsonObject(with: Data(#"{"flag":true,"name":"okay"}"#.utf8)), at: "", into: &errors)
        #expect(errors.isEmpty, "booleans are not judged as numbers: \(errors)")
        errors = []
        operation.query["q"]?.check(parameter: "long", at: "q", into: &errors)
        operation.query["n"]?.check(parameter: "9", at: "n", into: &errors)
        operation.query["n"]?.check(parameter: "3", at: "n", into: &errors)
        #expect(errors.map(\.field) == ["q", "n"])
    }
}
