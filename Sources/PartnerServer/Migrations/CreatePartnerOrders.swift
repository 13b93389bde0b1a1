import Fluent
import SQLKit

/// Partner orders, their lines, and the idempotency keys that guard their creation.
struct CreatePartnerOrders: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(PartnerOrderRecord.schema)
            .id()
            .field("number", .string, .required)
            .field("partner_id", .uuid, .required, .references(PartnerRecord.schema, "id", onDelete: .restrict))
            .field("status", .string, .required)
            .field("channel", .string, .required)
            .field("external_ref", .string)
            .field("requested_delivery_date", .datetime)
            .field("currency", .string, .required)
            .field("subtotal_minor", .int64, .required)
            .field("total_minor", .int64, .required)
            .field("placed_by", .uuid, .required)
            .field("placed_at", .datetime, .required)
            .field("confirmed_at", .datetime)
            .field("shipped_at", .datetime)
            .field("delivered_at", .datetime)
            .field("cancelled_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "number")
            .create()
        let sql = try database.sql()
        // Order lists are per partner, newest first, optionally by status.
        try await sql.create(index: "partner_orders_partner_placed_idx").on(PartnerOrderRecord.schema)
            .column("partner_id").column("placed_at").column("id").run()
        try await sql.create(index: "partner_orders_placed_idx").on(PartnerOrderRecord.schema)
            .column("placed_at").column("id").run()
        try await database.schema(PartnerOrderItemRecord.schema)
            .id()
            .field("order_id", .uuid, .required, .references(PartnerOrderRecord.schema, "id", onDelete: .cascade))
            .field("product_id", .uuid, .required, .references(ProductRecord.schema, "id", onDelete: .restrict))
            .field("line_no", .int, .required)
            .field("sku", .string, .required)
            .field("name", .string, .required)
            .field("quantity", .int, .required)
            .field("list_price_minor", .int64, .required)
            .field("unit_price_minor", .int64, .required)
            .field("price_source", .string, .required)
            .field("line_total_minor", .int64, .required)
            .create()
        try await sql.create(index: "partner_order_items_order_idx").on(PartnerOrderItemRecord.schema)
            .column("order_id").column("line_no").run()
        try await database.schema(IdempotencyRecord.schema)
            .id()
            .field("scope", .string, .required)
            .field("key", .string, .required)
            .field("request_hash", .string, .required)
            .field("response_body", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "scope", "key", name: "idempotency_keys_scope_key_key")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(IdempotencyRecord.schema).delete()
        try await database.schema(PartnerOrderItemRecord.schema).delete()
        try await database.schema(PartnerOrderRecord.schema).delete()
    }
}
