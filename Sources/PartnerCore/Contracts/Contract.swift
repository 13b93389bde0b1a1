import Foundation

/// A partner's contract (the seed's `PartnerContract`) as every entrance sees it.
public struct Contract: Equatable, Sendable {
    public var id: UUID
    public var partnerID: UUID
    public var kind: ContractKind
    public var terms: ContractTerms
    public var commissionBasisPoints: Int?
    public var paymentTermsDays: Int?
    /// The agreement's free text.
    public var text: String?
    /// Annual revenue the partner commits to; monthly targets are a twelfth of it.
    public var annualRevenueTarget: Money?
    public var terminationReason: String?
    /// The signed PDF, once uploaded.
    public var document: StoredFile?
    public var createdAt: Date

    public init(
        id: UUID, partnerID: UUID, kind: ContractKind, terms: ContractTerms, commissionBasisPoints: Int?, paymentTermsDays: Int?,
        text: String?, annualRevenueTarget: Money?, terminationReason: String?, document: StoredFile?, createdAt: Date
    ) {
        self.id = id
        self.partnerID = partnerID
        self.kind = kind
        self.terms = terms
        self.commissionBasisPoints = commissionBasisPoints
        self.paymentTermsDays = paymentTermsDays
        self.text = text
        self.annualRevenueTarget = annualRevenueTarget
        self.terminationReason = terminationReason
        self.document = document
        self.createdAt = createdAt
    }
}

/// A file kept outside the database: its checksum, size and when it arrived.
public struct StoredFile: Equatable, Sendable {
    public var sha256: String
    public var bytes: Int
    public var uploadedAt: Date

    public init(sha256: String, bytes: Int, uploadedAt: Date) {
        self.sha256 = sha256
        self.bytes = bytes
        self.uploadedAt = uploadedAt
    }
}
