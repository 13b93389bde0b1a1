import FluentKit
import Foundation
import PartnerCore
import SQLKit

/// A partner's contracts read straight from SQL: every dashboard reads them, and Fluent's model
/// decoding cost more than the query.
enum ContractRows {
    private static let columns = SQLColumns.aliased(
        "c",
        [
            "id", "partner_id", "kind", "starts_on", "ends_on", "auto_renew", "renewal_notice_days", "commission_bp", "payment_terms_days",
            "terms", "revenue_target_minor", "terminated_at", "termination_reason", "document_sha256", "document_bytes",
            "document_uploaded_at", "created_at",
        ])

    /// The partner's contracts, newest start first.
    static func contracts(of partnerID: UUID, on db: any Database) async throws -> [Contract] {
        let query: SQLQueryString =
            "SELECT \(unsafeRaw: columns) FROM partner_contracts c WHERE c.partner_id = \(bind: partnerID) ORDER BY c.starts_on DESC, c.id"
        return try await RowReader.all(query, on: db).map(contract)
    }

    private static func contract(_ row: RowReader) throws -> Contract {
        let created = try row.optionalDate("createdAt") ?? Date(timeIntervalSince1970: 0)
        let sha256 = try row.optionalString("documentSha256")
        let terms = ContractTerms(
            startsOn: try row.date("startsOn"), endsOn: try row.date("endsOn"), autoRenew: try row.bool("autoRenew"),
            renewalNoticeDays: try row.int("renewalNoticeDays"), signed: sha256 != nil, terminatedAt: try row.optionalDate("terminatedAt"))
        let document = try sha256.map {
            StoredFile(
                sha256: $0, bytes: try row.optionalInt("documentBytes") ?? 0,
                uploadedAt: try row.optionalDate("documentUploadedAt") ?? created)
        }
        return Contract(
            id: try row.uuid("id"), partnerID: try row.uuid("partnerId"), kind: try row.value("kind", as: ContractKind.self), terms: terms,
            commissionBasisPoints: try row.optionalInt("commissionBp"), paymentTermsDays: try row.optionalInt("paymentTermsDays"),
            text: try row.optionalString("terms"),
            annualRevenueTarget: try row.optionalInt64("revenueTargetMinor").map { Money(minorUnits: $0, currency: .eur) },
            terminationReason: try row.optionalString("terminationReason"), document: document, createdAt: created)
    }
}
