import Fluent
import SQLKit

struct CreateAPITokens: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(APITokenRecord.schema)
            .id()
            .field("user_id", .uuid, .required, .references(UserRecord.schema, "id", onDelete: .cascade))
            .field("token_hash", .string, .required)
            .field("expires_at", .datetime, .required)
            .field("revoked_at", .datetime)
            .field("created_at", .datetime)
            .unique(on: "token_hash")
            .create()
        try await database.sql().create(index: "api_tokens_user_id_idx")
            .on(APITokenRecord.schema).column("user_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(APITokenRecord.schema).delete()
    }
}
