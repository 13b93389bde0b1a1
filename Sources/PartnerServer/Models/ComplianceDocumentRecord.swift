import Fluent
import Foundation
import PartnerCore

/// A compliance record for a partner: CPNP notification, ISO certificate or business licence.
final class ComplianceDocumentRecord: Model, @unchecked Sendable {
    static let schema = "compliance_documents"

    @ID(key: .id) var id: UUID?
    @Parent(key: "partner_id") var partner: PartnerRecord
    @Field(key: "kind") var kind: ComplianceDocumentKind
    @Field(key: "reference") var reference: String
    @OptionalField(key: "issuer") var issuer: String?
    @OptionalField(key: "product_sku") var productSKU: String?
    @Field(key: "issued_on") var issuedOn: Date
    @OptionalField(key: "expires_on") var expiresOn: Date?
    /// The scanned certificate, if uploaded (kept on disk like contract documents).
    @OptionalField(key: "file_sha256") var fileSHA256: String?
    @OptionalField(key: "file_bytes") var fileBytes: Int?
    @Field(key: "created_by") var createdBy: UUID
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}
