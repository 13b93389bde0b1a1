/// Failures that only exist on the HTTP entrance: a request the generated server let through but
/// that cannot be read. Everything a service can refuse is a `DomainError`.
enum APIError: Error, Equatable {
    case badRequest(String)
    case payloadTooLarge(limit: Int)
}
