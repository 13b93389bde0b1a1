import Fluent
import SQLKit

struct CreatePartners: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(PartnerRecord.schema)
            .id()
            .field("type", .string, .required)
            .field("company_name", .string, .required)
            .field("company_key", .string, .required)
            .field("display_name", .string)
            .field("email", .string, .required)
            .field("phone", .string)
            .field("region", .string, .required)
            .field("country", .string, .required)
            .field("city", .string)
            .field("address", .string)
            .field("postal_code", .string)
            .field("latitude", .double)
            .field("longitude", .double)
            .field("tax_id", .string)
            .field("website", .string)
            .field("status", .string, .required)
            .field("tier_id", .uuid, .references(PartnerTierRecord.schema, "id", onDelete: .restrict))
            .field("search_text", .string, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "type", "company_key", name: "partners_type_company_key_key")
            .unique(on: "tax_id", name: "partners_tax_id_key")
            .create()
        // Lists are ordered by (company_name, id) and filtered by one of these columns: one index per
        // filter keeps every page a range scan.
        let sql = try database.sql()
        try await sql.create(index: "partners_name_idx").on(PartnerRecord.schema)
            .column("company_name").column("id").run()
        for column in ["type", "region", "status", "tier_id"] {
            try await sql.create(index: "partners_\(column)_name_idx").on(PartnerRecord.schema)
                .column(column).column("company_name").column("id").run()
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema(PartnerRecord.schema).delete()
    }
}
