import Foundation
import PartnerAPI
import PartnerCore
import Vapor

/// Implements the generated `APIProtocol`: decode (done by the generated server), authorize, apply
/// the domain rule, persist through a repository, map back to the spec's types.
struct APIHandler: APIProtocol {
    /// The one service graph, shared with every other entrance.
    let services: PartnerOSServices

    var configuration: AppConfiguration { services.configuration }
}

extension APIHandler {
    /// The Vapor request this handler call serves.
    var request: Request {
        get throws {
            guard let request = RequestContext.current else {
                throw Abort(.internalServerError, reason: "The request context is missing.")
            }
            return request
        }
    }

    /// The application's clock (pinned in tests).
    var now: Date { services.clock.now }

    /// The caller the authentication middleware established before the body was read.
    func authenticate() throws(DomainError) -> Caller {
        guard let caller = CallerContext.current else {
            throw .unauthenticated("Send 'Authorization: Bearer <token>'; get a token from POST /api/v1/auth/login.")
        }
        return caller
    }

    /// Path ids are declared `format: uuid`, which the generated server does not enforce.
    func uuid(_ value: String, name: String = "id") throws(APIError) -> UUID {
        guard let id = UUID(uuidString: value) else { throw .badRequest("The \(name) '\(value)' is not a UUID.") }
        return id
    }

    /// The partner if the caller may see it; otherwise the same 404 as for a missing one.
    func visiblePartner(_ rawID: String, for caller: Caller) async throws -> Partner {
        let id = try uuid(rawID)
        guard let partner = try await services.partners.find(id, scope: caller.scope) else { throw DomainError.partnerNotFound }
        return partner
    }

    /// The partner if the caller may see it and the policy allows `action` on it.
    func authorizedPartner(_ rawID: String, for caller: Caller, to action: PolicyAction) async throws -> Partner {
        let partner = try await visiblePartner(rawID, for: caller)
        try caller.authorize(action, on: partner.subject)
        return partner
    }
}
