/// HTTP-level failures raised by handlers and middleware; mapped to problem+json in one place.
enum APIError: Error, Equatable {
    /// No, malformed, expired or revoked credentials.
    case unauthorized(String)
    /// Authenticated, but the role or membership does not allow this.
    case forbidden(String)
    /// Missing — or belonging to another partner, which must look the same.
    case notFound(String)
    case badRequest(String)
    case conflict(String)
    case tooManyRequests(retryAfterSeconds: Int)
    case payloadTooLarge(limit: Int)

    static func partnerNotFound() -> APIError { .notFound("No partner with this id.") }
}
