import Fluent
import Foundation
import PartnerCore

/// A bearer token. Only its SHA-256 digest is stored, so a database leak reveals no usable token.
final class APITokenRecord: Model, @unchecked Sendable {
    static let schema = "api_tokens"

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: UserRecord
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "expires_at") var expiresAt: Date
    @OptionalField(key: "revoked_at") var revokedAt: Date?
    /// Space-separated `ServiceScope` raw values; empty for session tokens.
    @Field(key: "scopes") var scopes: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(id: UUID? = nil, userID: UUID, tokenHash: String, expiresAt: Date, scopes: [ServiceScope] = []) {
        self.id = id
        self.$user.id = userID
        self.tokenHash = tokenHash
        self.expiresAt = expiresAt
        self.scopes = scopes.map(\.rawValue).joined(separator: " ")
    }

    var serviceScopes: Set<ServiceScope> {
        Set(scopes.split(separator: " ").compactMap { ServiceScope(rawValue: String($0)) })
    }
}
