import Fluent
import SQLKit

/// Partner contracts and compliance documents.
struct CreateContracts: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(PartnerContractRecord.schema)
            .id()
            .field("partner_id", .uuid, .required, .references(PartnerRecord.schema, "id", onDelete: .restrict))
            .field("kind", .string, .required)
            .field("starts_on", .datetime, .required)
            .field("ends_on", .datetime, .required)
            .field("auto_renew", .bool, .required)
            .field("renewal_notice_days", .int, .required)
            .field("commission_bp", .int)
            .field("payment_terms_days", .int)
            .field("terms", .string)
            .field("revenue_target_minor", .int64)
            .field("terminated_at", .datetime)
            .field("termination_reason", .string)
            .field("document_sha256", .string)
            .field("document_bytes", .int)
            .field("document_uploaded_at", .datetime)
            .field("created_by", .uuid, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
        let sql = try database.sql()
        try await sql.create(index: "partner_contracts_partner_idx").on(PartnerContractRecord.schema)
            .column("partner_id").column("ends_on").run()
        try await database.schema(ComplianceDocumentRecord.schema)
            .id()
            .field("partner_id", .uuid, .required, .references(PartnerRecord.schema, "id", onDelete: .restrict))
            .field("kind", .string, .required)
            .field("reference", .string, .required)
            .field("issuer", .string)
            .field("product_sku", .string)
            .field("issued_on", .datetime, .required)
            .field("expires_on", .datetime)
            .field("file_sha256", .string)
            .field("file_bytes", .int)
            .field("created_by", .uuid, .required)
            .field("created_at", .datetime)
            .create()
        try await sql.create(index: "compliance_documents_partner_idx").on(ComplianceDocumentRecord.schema)
            .column("partner_id").column("kind").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ComplianceDocumentRecord.schema).delete()
        try await database.schema(PartnerContractRecord.schema).delete()
    }
}
