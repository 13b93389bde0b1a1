import Vapor

/// Caps request bodies for every route. The OpenAPI routes stream their bodies, which bypasses
/// Vapor's per-route collection limit, so the cap is enforced here: by `Content-Length` up front,
/// and while collecting for chunked uploads.
struct BodyLimitMiddleware: AsyncMiddleware {
    let maxBytes: Int

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
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
