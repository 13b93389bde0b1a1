import Vapor

/// Gives every request an id — the client's `X-Request-Id` when it is sane, else a new UUID —
/// puts it on the response and in every log line, and logs one line per request.
struct RequestIDMiddleware: AsyncMiddleware {
    static let header = "X-Request-Id"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let id = request.headers.first(name: Self.header).flatMap(Self.sanitized) ?? UUID().uuidString
        request.logger[metadataKey: "request-id"] = .string(id)
        let clock = ContinuousClock()
        let start = clock.now
        let response = try await next.respond(to: request)
        response.headers.replaceOrAdd(name: Self.header, value: id)
        let elapsed = clock.now - start
        request.logger.info(
            "request",
            metadata: [
                "method": .string(request.method.rawValue),
                "path": .string(request.url.path),
                "status": .stringConvertible(response.status.code),
                "duration_ms": .stringConvertible(elapsed.milliseconds),
            ])
        return response
    }

    /// Accepts up to 128 visible ASCII characters of a safe set, so ids cannot inject into headers or logs.
    static func sanitized(_ value: String) -> String? {
        guard (1...128).contains(value.utf8.count),
            value.utf8.allSatisfy({
                ($0 >= 48 && $0 <= 57) || ($0 >= 65 && $0 <= 90) || ($0 >= 97 && $0 <= 122) || $0 == 45 || $0 == 46 || $0 == 95 || $0 == 58
            })
        else { return nil }
        return value
    }
}

extension Duration {
    var milliseconds: Double {
        Double(components.seconds) * 1000 + Double(components.attoseconds) / 1e15
    }
}
