import Fluent
import PartnerCore

/// Access can be taken away: users can be disabled, and service-token scopes now govern reads too.
/// Existing tokens keep working as before: each gets the reads its write scopes imply plus
/// `partners:read` (the partner records every token could read until now).
struct AddAccessControl: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(UserRecord.schema).field("disabled_at", .datetime).update()
        let tokens = try await APITokenRecord.query(on: database).filter(\.$scopes != "").all()
        for token in tokens {
            let widened = ServiceScope.closure(of: token.serviceScopes.union([.partnersRead]))
            token.scopes = widened.map(\.rawValue).sorted().joined(separator: " ")
            try await token.update(on: database)
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema(UserRecord.schema).deleteField("disabled_at").update()
    }
}
