import Fluent
import SQLKit

struct CreatePartnerUsers: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(PartnerUserRecord.schema)
            .id()
            .field("partner_id", .uuid, .required, .references(PartnerRecord.schema, "id", onDelete: .cascade))
            .field("user_id", .uuid, .required, .references(UserRecord.schema, "id", onDelete: .cascade))
            .field("role", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "partner_id", "user_id", name: "partner_users_partner_user_key")
            .create()
        try await database.sql().create(index: "partner_users_user_id_idx")
            .on(PartnerUserRecord.schema).column("user_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(PartnerUserRecord.schema).delete()
    }
}
