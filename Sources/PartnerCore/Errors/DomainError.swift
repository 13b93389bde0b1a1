/// Why a service refused a request, independent of how the request arrived. Every entrance maps
/// these once: problem+json for the API, an error page for the portal, an exit code for a command.
/// Invalid fields are a `ValidationFailure`; illegal state moves have their area's own error.
public enum DomainError: Error, Equatable, Sendable {
    /// No caller could be established: no, unknown, expired or revoked credentials.
    case unauthenticated(String)
    /// The caller is known but the policy does not allow the action.
    case forbidden(String)
    /// Missing — or belonging to another partner, which must look the same.
    case notFound(String)
    /// The object's current state (or a concurrent change) does not allow the action.
    case conflict(String)
    /// The request cannot be read at all (a malformed cursor, header or id).
    case malformed(String)
    /// A total would leave the range the platform keeps amounts, points or quantities in.
    case limitExceeded(field: String, message: String)
    /// What was asked for existed once and is gone for good (a feed cursor past the retention).
    case gone(String)
    /// Too many attempts; retry after the given number of seconds.
    case tooManyAttempts(retryAfterSeconds: Int)

    public static let partnerNotFound = DomainError.notFound("No partner with this id.")
}
