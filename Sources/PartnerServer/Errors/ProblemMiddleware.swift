import OpenAPIRuntime
import Vapor

/// Turns every error into `application/problem+json`. Replaces Vapor's `ErrorMiddleware`, whose
/// `{"error": true, "reason": …}` body would leak internals and break the API contract.
struct ProblemMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            let mapped = ProblemMapping.problem(for: error)
            if mapped.problem.status >= 500 {
                request.logger.error("unhandled error", metadata: ["error": .string(String(reflecting: error))])
            }
            var problem = mapped.problem
            problem.instance = request.url.path
            let response = Response(status: HTTPResponseStatus(statusCode: problem.status))
            try response.content.encode(problem, using: JSONEncoder.sortedCompact)
            response.headers.contentType = ProblemDetails.mediaType
            for (name, value) in mapped.headers { response.headers.replaceOrAdd(name: name, value: value) }
            return response
        }
    }
}
