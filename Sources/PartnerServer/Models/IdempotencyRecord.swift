import Fluent
import Foundation

/// The first response to an `Idempotency-Key`, kept so a replay gets the same answer and a
/// concurrent duplicate cannot create a second order.
final class IdempotencyRecord: Model, @unchecked Sendable {
    static let schema = "idempotency_keys"

    @ID(key: .id) var id: UUID?
    /// Who asked for which operation: `<user id> <operation>`; keys are unique per scope.
    @Field(key: "scope") var scope: String
    @Field(key: "key") var key: String
    /// SHA-256 of the request body, to tell a replay from a different request reusing the key.
    @Field(key: "request_hash") var requestHash: String
    @Field(key: "response_body") var responseBody: String
    @Field(key: "created_at") var createdAt: Date

    init() {}

    init(scope: String, key: String, requestHash: String, responseBody: String, createdAt: Date) {
        self.scope = scope
        self.key = key
        self.requestHash = requestHash
        self.responseBody = responseBody
        self.createdAt = createdAt
    }
}
