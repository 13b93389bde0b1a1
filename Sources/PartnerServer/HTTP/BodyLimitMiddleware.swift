import Vapor

/// Caps request bodies for every route. The OpenAPI routes stream their bodies, which bypasses
/// Vapor's per-route collection limit, so the cap is enforced here: by `Content-Length` up front,
/// and while collecting for chunked uploads.
struct BodyLimitMiddleware: AsyncMiddleware {
    let defaultMaxBytes: Int
    /// Document uploads (`PUT …/document`, `PUT …/file`) may be larger than ordinary JSON bodies.
    let uploadMaxBytes: Int

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let isUpload = request.method == .PUT && (request.url.path.hasSuffix("/document") || request.url.path.hasSuffix("/file"))
        let maxBytes = isUpload ? max(uploadMaxBytes, defaultMaxBytes) : defaultMaxBytes
        if let declared = request.headers.first(name: .contentLength).flatMap(Int.init), declared > maxBytes {
            throw APIError.payloadTooLarge(limit: maxBytes)
        }
        if request.body.data == nil, request.method != .GET, request.method != .HEAD {
            do {
                _ = try await request.body.collect(max: maxBytes).get()
            } catch let abort as any AbortError where abort.status == .payloadTooLarge {
                throw APIError.payloadTooLarge(limit: maxBytes)
            }
        }
        return try await next.respond(to: request)
    }
}
