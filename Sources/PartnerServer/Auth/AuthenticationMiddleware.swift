import HTTPTypes
import OpenAPIRuntime

/// Authenticates every secured operation before the generated server reads its body, so an
/// anonymous caller gets 401 and learns nothing about the body's shape. It knows the operation id,
/// so no handler can forget to authenticate; the public operations are the explicit list below
/// (the spec marks the same ones `security: []`, and a test holds the two together).
struct AuthenticationMiddleware: ServerMiddleware {
    static let publicOperations: Set<String> = ["login"]

    let authenticator: Authenticator

    func intercept(
        _ request: HTTPRequest, body: HTTPBody?, metadata: ServerRequestMetadata, operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, ServerRequestMetadata) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        guard !Self.publicOperations.contains(operationID) else { return try await next(request, body, metadata) }
        let caller = try await authenticator.caller(authorization: request.headerFields[.authorization])
        return try await CallerContext.$current.withValue(caller) {
            try await next(request, body, metadata)
        }
    }
}
