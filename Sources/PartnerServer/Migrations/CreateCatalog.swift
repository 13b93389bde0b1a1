import Fluent
import SQLKit

/// Products and the Pricing OS guardrails on them.
struct CreateCatalog: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ProductRecord.schema)
            .id()
            .field("sku", .string, .required)
            .field("name", .string, .required)
            .field("category", .string, .required)
            .field("currency", .string, .required)
            .field("list_price_minor", .int64, .required)
            .field("unit_cost_minor", .int64)
            .field("pack_size", .int, .required)
            .field("active", .bool, .required)
            .field("search_text", .string, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "sku")
            .create()
        try await database.sql().create(index: "products_category_sku_idx").on(ProductRecord.schema)
            .column("category").column("sku").run()
        try await database.schema(GuardrailRecord.schema)
            .id()
            .field("product_id", .uuid, .required, .references(ProductRecord.schema, "id", onDelete: .cascade))
            .field("currency", .string, .required)
            .field("floor_minor", .int64, .required)
            .field("ceiling_minor", .int64)
            .field("max_discount_bp", .int)
            .field("min_margin_bp", .int)
            .field("updated_at", .datetime)
            .unique(on: "product_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(GuardrailRecord.schema).delete()
        try await database.schema(ProductRecord.schema).delete()
    }
}
