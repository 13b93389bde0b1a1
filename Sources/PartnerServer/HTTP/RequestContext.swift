import Vapor

/// The Vapor request behind the OpenAPI handler currently running.
///
/// swift-openapi-vapor hands handlers only the HTTP request; the client address, logger, password
/// hasher and thread pool live on Vapor's `Request`, so it travels in a task-local (the pattern the
/// swift-openapi-vapor documentation recommends).
enum RequestContext {
    @TaskLocal static var current: Request?
}

struct RequestContextMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        try await RequestContext.$current.withValue(request) {
            try await next.respond(to: request)
        }
    }
}
