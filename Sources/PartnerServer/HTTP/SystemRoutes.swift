import Fluent
import PartnerAPI
import SQLKit
import Vapor

/// Operational endpoints outside `/api/v1`: probes, metrics and the API's own documentation.
struct SystemRoutes {
    let metrics: HTTPMetrics

    func register(on app: Application) throws {
        let spec = try APISpec.yaml()
        let docs = try APIDocsPage(specYAML: spec).html()

        app.get("healthz") { _ in
            Self.json(#"{"status":"ok"}"#)
        }
        app.get("readyz") { request async throws -> Response in
            do {
                _ = try await request.db.sql().raw("SELECT 1").all()
                return Self.json(#"{"status":"ready"}"#)
            } catch {
                request.logger.warning("readiness check failed", metadata: ["error": .string(String(describing: error))])
                throw Abort(.serviceUnavailable, reason: "The database is not reachable.")
            }
        }
        app.get("metrics") { _ in
            var headers = HTTPHeaders()
            headers.contentType = HTTPMediaType(type: "text", subType: "plain", parameters: ["version": "0.0.4", "charset": "utf-8"])
            return Response(status: .ok, headers: headers, body: .init(string: metrics.exposition()))
        }
        app.get("openapi.yaml") { _ in
            var headers = HTTPHeaders()
            headers.contentType = HTTPMediaType(type: "application", subType: "yaml", parameters: ["charset": "utf-8"])
            return Response(status: .ok, headers: headers, body: .init(string: spec))
        }
        app.get("docs") { _ in
            var headers = HTTPHeaders()
            headers.contentType = .html
            return Response(status: .ok, headers: headers, body: .init(string: docs))
        }
    }

    private static func json(_ body: String) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .json
        return Response(status: .ok, headers: headers, body: .init(string: body))
    }
}
