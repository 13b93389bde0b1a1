import HTTPTypes
import OpenAPIRuntime

/// Runs every reading operation (GET, HEAD), authentication and the encoding of its response
/// included, on one of the SQLite read lanes (`SQLiteReadLanes`). First in the generated server's
/// middlewares, so everything after it reads on the lane. Writes keep the cooperative pool: their
/// task mostly waits for the writer, and tying it to one lane's thread bought nothing measurable
/// (BENCHMARKS.md). On PostgreSQL, which has no lanes, a pass-through.
struct ReadLaneMiddleware: ServerMiddleware {
    let lanes: SQLiteReadLanes?

    func intercept(
        _ request: HTTPRequest, body: HTTPBody?, metadata: ServerRequestMetadata, operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, ServerRequestMetadata) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        guard let lanes, request.method == .get || request.method == .head else { return try await next(request, body, metadata) }
        return try await lanes.run { try await next(request, body, metadata) }
    }
}
