import Fluent
import Foundation
import PartnerCore

/// Turns a credential into a `Caller`, whatever the entrance: a bearer token on the API today, a
/// portal session tomorrow. The token, the user's state and the memberships are read from the
/// database and kept for a few seconds in `CallerCache`; every service that takes access away
/// evicts the cached callers it affects, so disabling a user, revoking a token or removing a
/// membership takes effect on the next request.
struct Authenticator {
    let database: any Database
    let callers: CallerCache
    let clock: AppClock

    /// The caller behind an `Authorization` header value.
    func caller(authorization: String?) async throws -> Caller {
        guard let authorization, let token = Self.bearerToken(from: authorization) else {
            throw DomainError.unauthenticated("Send 'Authorization: Bearer <token>'; get a token from POST /api/v1/auth/login.")
        }
        return try await caller(token: token)
    }

    /// The caller behind a token (bearer or session).
    func caller(token: String) async throws -> Caller {
        let now = clock.now
        let digest = BearerToken.digest(token)
        if let cached = callers.caller(digest: digest, at: now) { return cached }
        guard
            let record = try await APITokenRecord.query(on: database)
                .filter(\.$tokenHash == digest)
                .with(\.$user)
                .first(),
            record.revokedAt == nil, record.expiresAt > now, record.user.disabledAt == nil,
            let tokenID = record.id, let userID = record.user.id
        else {
            throw DomainError.unauthenticated("The token is unknown, expired or revoked.")
        }
        var memberships: [UUID: MemberRole] = [:]
        if record.user.role == .partner {
            let links = try await PartnerUserRecord.query(on: database).filter(\.$user.$id == userID).all()
            for link in links { memberships[link.$partner.id] = link.role }
        }
        let caller = Caller(
            userID: userID, tokenID: tokenID,
            scope: AccessScope(role: record.user.role, memberships: memberships, serviceScopes: record.serviceScopes))
        callers.store(caller, digest: digest, tokenExpiresAt: record.expiresAt, at: now)
        return caller
    }

    static func bearerToken(from header: String) -> String? {
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        let token = parts[1].trimmingCharacters(in: .whitespaces)
        return token.isEmpty || token.count > 256 ? nil : token
    }
}
