import Fluent
import Foundation
import PartnerCore

/// Resolves `Authorization: Bearer …` to a `Caller`, loading partner memberships for partner users.
struct Authenticator {
    let database: any Database

    func caller(authorization: String?, now: Date = Date()) async throws -> Caller {
        guard let authorization, let token = Self.bearerToken(from: authorization) else {
            throw APIError.unauthorized("Send 'Authorization: Bearer <token>'; get a token from POST /api/v1/auth/login.")
        }
        guard
            let record = try await APITokenRecord.query(on: database)
                .filter(\.$tokenHash == BearerToken.digest(token))
                .with(\.$user)
                .first(),
            record.revokedAt == nil, record.expiresAt > now, let tokenID = record.id, let userID = record.user.id
        else {
            throw APIError.unauthorized("The token is unknown, expired or revoked.")
        }
        var memberships: [UUID: MemberRole] = [:]
        if record.user.role == .partner {
            let links = try await PartnerUserRecord.query(on: database).filter(\.$user.$id == userID).all()
            for link in links { memberships[link.$partner.id] = link.role }
        }
        let role = record.user.role
        return Caller(
            userID: userID, role: role, tokenID: tokenID, scope: AccessScope(role: role, memberships: memberships),
            serviceScopes: record.serviceScopes)
    }

    static func bearerToken(from header: String) -> String? {
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        let token = parts[1].trimmingCharacters(in: .whitespaces)
        return token.isEmpty || token.count > 256 ? nil : token
    }
}
