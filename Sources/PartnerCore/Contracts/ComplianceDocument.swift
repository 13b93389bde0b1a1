import Foundation

/// A compliance record of a partner: CPNP notification, ISO certificate or business licence.
public struct ComplianceDocument: Equatable, Sendable {
    public var id: UUID
    public var partnerID: UUID
    public var kind: ComplianceDocumentKind
    public var reference: String
    public var issuer: String?
    public var productSKU: String?
    public var issuedOn: Date
    public var expiresOn: Date?
    /// The scanned certificate, if uploaded.
    public var file: StoredFile?
    public var createdAt: Date

    public init(
        id: UUID, partnerID: UUID, kind: ComplianceDocumentKind, reference: String, issuer: String?, productSKU: String?, issuedOn: Date,
        expiresOn: Date?, file: StoredFile?, createdAt: Date
    ) {
        self.id = id
        self.partnerID = partnerID
        self.kind = kind
        self.reference = reference
        self.issuer = issuer
        self.productSKU = productSKU
        self.issuedOn = issuedOn
        self.expiresOn = expiresOn
        self.file = file
        self.createdAt = createdAt
    }
}

/// A new compliance document, validated from what a client sent (the SKU's place in the catalogue
/// is the service's to check).
public struct ComplianceDocumentDraft: Equatable, Sendable {
    public var kind: ComplianceDocumentKind
    public var reference: String
    public var issuer: String?
    public var productSKU: String?
    public var issuedOn: Date
    public var expiresOn: Date?

    public static func validated(
        kind: ComplianceDocumentKind, reference: String, issuer: String?, productSKU: String?, issuedOn: String, expiresOn: String?
    ) throws(ValidationFailure) -> ComplianceDocumentDraft {
        var v = FieldValidator()
        let reference = v.requiredText(reference, "reference", maxLength: 100)
        let issuer = v.optionalText(issuer, "issuer", maxLength: 200)
        let issued = CalendarDay.parse(issuedOn)
        let expires = expiresOn.map { CalendarDay.parse($0) }
        v.check(issued != nil, "issuedOn", "must be a date as YYYY-MM-DD")
        v.check(expires != .some(nil), "expiresOn", "must be a date as YYYY-MM-DD")
        if let issued, let expires = expires ?? nil { v.check(issued <= expires, "expiresOn", "must not be before issuedOn") }
        if productSKU != nil { v.check(kind == .cpnpNotification, "productSku", "applies only to CPNP notifications") }
        try v.finish()
        guard let reference, let issued else { throw ValidationFailure(field: "reference", message: "must not be empty") }
        return ComplianceDocumentDraft(
            kind: kind, reference: reference, issuer: issuer, productSKU: productSKU.map(ProductDefinition.normalizedSKU),
            issuedOn: issued, expiresOn: expires ?? nil)
    }
}
