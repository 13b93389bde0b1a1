import Fluent
import Foundation
import PartnerCore

/// A partner's contract (the seed's `PartnerContract`). The signed PDF lives on disk under the data
/// directory; the row keeps its checksum, size and name.
final class PartnerContractRecord: Model, @unchecked Sendable {
    static let schema = "partner_contracts"

    @ID(key: .id) var id: UUID?
    @Parent(key: "partner_id") var partner: PartnerRecord
    @Field(key: "kind") var kind: ContractKind
    @Field(key: "starts_on") var startsOn: Date
    @Field(key: "ends_on") var endsOn: Date
    @Field(key: "auto_renew") var autoRenew: Bool
    @Field(key: "renewal_notice_days") var renewalNoticeDays: Int
    @OptionalField(key: "commission_bp") var commissionBasisPoints: Int?
    @OptionalField(key: "payment_terms_days") var paymentTermsDays: Int?
    @OptionalField(key: "terms") var terms: String?
    /// Annual revenue the partner commits to; monthly targets are a twelfth of it.
    @OptionalField(key: "revenue_target_minor") var revenueTargetMinor: Int64?
    @OptionalField(key: "terminated_at") var terminatedAt: Date?
    @OptionalField(key: "termination_reason") var terminationReason: String?
    @OptionalField(key: "document_sha256") var documentSHA256: String?
    @OptionalField(key: "document_bytes") var documentBytes: Int?
    @OptionalField(key: "document_uploaded_at") var documentUploadedAt: Date?
    @Field(key: "created_by") var createdBy: UUID
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    var contractTerms: ContractTerms {
        ContractTerms(
            startsOn: startsOn, endsOn: endsOn, autoRenew: autoRenew, renewalNoticeDays: renewalNoticeDays, signed: documentSHA256 != nil,
            terminatedAt: terminatedAt)
    }
}
