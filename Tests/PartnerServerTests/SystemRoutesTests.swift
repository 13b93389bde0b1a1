import Foundation
import Testing
import Vapor
import VaporTesting

@testable import PartnerServer

@Suite("Probes, metrics, spec, docs and HTTP-level errors")
struct SystemRoutesTests {
    @Test func probesAnswer() async throws {
        try await withTestApp { world in
            let health = try await world.send(.GET, "/healthz")
            #expect(health.status == .ok)
            #expect(try health.json["status"] as? String == "ok")
            let ready = try await world.send(.GET, "/readyz")
            #expect(ready.status == .ok)
            #expect(try ready.json["status"] as? String == "ready")
        }
    }

    @Test func metricsCountRequestsByRoutePatternAndStatus() async throws {
        try await withTestApp { world in
            let staff = try await world.account(.staff)
            let partner = try await world.partner()
            _ = try await world.send(.GET, "/api/v1/partners/\(partner.id.apiString)", as: staff)
            _ = try await world.send(.GET, "/api/v1/partners/\(UUID().apiString)", as: staff)
            let metrics = try await world.send(.GET, "/metrics")
            #expect(metrics.status == .ok)
            #expect(metrics.headers.contentType?.description.hasPrefix("text/plain") == true)
            let text = metrics.body.string
            #expect(text.contains(#"partneros_http_requests_total{method="GET",route="/api/v1/partners/:id",status="200"} 1"#))
            #expect(text.contains(#"partneros_http_requests_total{method="GET",route="/api/v1/partners/:id",status="404"} 1"#))
            #expect(text.contains("partneros_http_request_duration_seconds_bucket"))
            #expect(!text.contains(partner.id.apiString))
        }
    }

    @Test func theSpecAndItsDocsAreServed() async throws {
        try await withTestApp { world in
            let spec = try await world.send(.GET, "/openapi.yaml")
            #expect(spec.status == .ok)
            #expect(spec.body.string.hasPrefix("openapi:"))
            #expect(spec.body.string.contains("/api/v1/partners/list:"))
            let docs = try await world.send(.GET, "/docs")
            #expect(docs.status == .ok)
            #expect(docs.headers.contentType == .html)
            let html = docs.body.string
            for path in ["/api/v1/auth/login", "/api/v1/partners/create", "/api/v1/dealers/list", "/api/v1/tiers"] {
                #expect(html.contains("<code>\(path)</code>"))
            }
            #expect(html.contains(#"id="schema-PartnerCreate""#))
            #expect(!html.contains("<script"))
        }
    }

    @Test func unknownRoutesAreProblems() async throws {
        try await withTestApp { world in
            let response = try await world.send(.GET, "/api/v1/nothing-here")
            try response.expectProblem(.notFound)
            #expect(try response.problem.instance == "/api/v1/nothing-here")
        }
    }

    @Test func requestIDsAreEchoedOrCreated() async throws {
        try await withTestApp { world in
            let echoed = try await world.send(.GET, "/healthz", headers: ["X-Request-Id": "trace-123.abc"])
            #expect(echoed.headers.first(name: "X-Request-Id") == "trace-123.abc")
            let created = try await world.send(.GET, "/healthz", headers: ["X-Request-Id": "bad id\r\ninjected"])
            let id = try #require(created.headers.first(name: "X-Request-Id"))
            #expect(UUID(uuidString: id) != nil)
            let failed = try await world.send(.GET, "/api/v1/auth/me")
            #expect(failed.headers.first(name: "X-Request-Id") != nil)
        }
    }

    @Test func oversizedBodiesAre413AndMalformedJSONIs400() async throws {
        try await withTestApp(configure: { $0.maxBodyBytes = 1024 }) { world in
            let staff = try await world.account(.staff)
            let huge =
                #"{"type":"dealer","companyName":"\#(String(repeating: "x", count: 4096))","email":"a@b.example.com","region":"DACH","country":"DE"}"#
            try await world.send(.POST, "/api/v1/partners/create", as: staff, json: huge).expectProblem(.payloadTooLarge)
            try await world.send(.POST, "/api/v1/partners/create", as: staff, json: #"{"type": "dealer", "#).expectProblem(.badRequest)
            try await world.send(.POST, "/api/v1/partners/create", as: staff, json: "[1,2,3]").expectProblem(.unprocessableEntity)
            #expect(try await PartnerRecord.query(on: world.app.db).count() == 0)
        }
    }
}
