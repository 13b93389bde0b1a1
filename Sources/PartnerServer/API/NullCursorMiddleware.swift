import Foundation
import HTTPTypes
import OpenAPIRuntime
import Yams

/// Writes `"nextCursor": null` on the last page. The spec makes `nextCursor` required and nullable,
/// but the generated encoders drop nil properties (swift-openapi-generator issue 934), so a client
/// validating against the spec would see a required key missing. The operations that answer pages
/// are read from the spec itself, so a new list cannot be forgotten.
struct NullCursorMiddleware: ServerMiddleware {
    /// Page bodies are bounded by the 200-item limit, far below this.
    static let maxBytes = 16 << 20
    let pageOperations: Set<String>

    init(spec: String) throws {
        pageOperations = try Self.operationsAnsweringPages(in: spec)
    }

    func intercept(
        _ request: HTTPRequest, body: HTTPBody?, metadata: ServerRequestMetadata, operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, ServerRequestMetadata) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        let (response, responseBody) = try await next(request, body, metadata)
        guard pageOperations.contains(operationID), response.status == .ok, let responseBody else { return (response, responseBody) }
        var bytes = try await Data(collecting: responseBody, upTo: Self.maxBytes)
        // Inside JSON strings a quote is escaped, so this sequence can only be a key.
        if bytes.last == UInt8(ascii: "}"), !Self.containsCursorKey(bytes) {
            bytes.removeLast()
            bytes.append(contentsOf: Array(#","nextCursor":null}"#.utf8))
        }
        var headers = response
        headers.headerFields[.contentLength] = String(bytes.count)
        return (headers, HTTPBody(bytes))
    }

    private static let cursorKey = Array(#""nextCursor":"#.utf8)

    /// A plain scan of the bytes: `Data.range(of:)` goes through a generic search that showed in
    /// the profile of a 50-row list.
    static func containsCursorKey(_ bytes: Data) -> Bool {
        bytes.withUnsafeBytes { body in
            let key = cursorKey
            guard body.count >= key.count else { return false }
            for start in 0...(body.count - key.count) where body[start] == key[0] {
                var matched = 1
                while matched < key.count, body[start + matched] == key[matched] { matched += 1 }
                if matched == key.count { return true }
            }
            return false
        }
    }

    /// Operations whose 200 JSON response is a schema with a `nextCursor` property.
    static func operationsAnsweringPages(in spec: String) throws -> Set<String> {
        guard let document = try Yams.load(yaml: spec) as? [String: Any],
            let paths = document["paths"] as? [String: [String: Any]],
            let schemas = (document["components"] as? [String: Any])?["schemas"] as? [String: [String: Any]]
        else { return [] }
        let pages = Set(schemas.filter { (($0.value["properties"] as? [String: Any])?["nextCursor"]) != nil }.keys)
        var operations: Set<String> = []
        for item in paths.values {
            for case let operation as [String: Any] in item.values {
                guard let id = operation["operationId"] as? String,
                    let ok = (operation["responses"] as? [String: Any])?["200"] as? [String: Any],
                    let schema = ((ok["content"] as? [String: Any])?["application/json"] as? [String: Any])?["schema"] as? [String: Any],
                    let ref = schema["$ref"] as? String
                else { continue }
                if let name = ref.split(separator: "/").last, pages.contains(String(name)) { operations.insert(id) }
            }
        }
        return operations
    }
}
