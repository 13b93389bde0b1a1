import Vapor

/// Times every request and records it under its route pattern (`/api/v1/partners/:id`), never the
/// raw path, so ids do not explode the label space.
struct MetricsMiddleware: AsyncMiddleware {
    let metrics: HTTPMetrics

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let clock = ContinuousClock()
        let start = clock.now
        let response = try await next.respond(to: request)
        let route = request.route.map { "/" + $0.path.map(\.description).joined(separator: "/") } ?? "unmatched"
        metrics.record(
            method: request.method.rawValue, route: route, status: response.status.code,
            duration: clock.now - start)
        return response
    }
}
