import Foundation
import PartnerCore

extension PartnerContractRecord {
    convenience init(_ draft: ContractDraft, partnerID: UUID, createdBy: UUID) {
        self.init()
        $partner.id = partnerID
        kind = draft.kind
        startsOn = draft.startsOn
        endsOn = draft.endsOn
        autoRenew = draft.autoRenew
        renewalNoticeDays = draft.renewalNoticeDays
        commissionBasisPoints = draft.commissionBasisPoints
        paymentTermsDays = draft.paymentTermsDays
        terms = draft.text
        revenueTargetMinor = draft.annualRevenueTarget?.minorUnits
        self.createdBy = createdBy
    }

    var value: Contract {
        get throws {
            let created = createdAt ?? Date(timeIntervalSince1970: 0)
            return Contract(
                id: try requireID(), partnerID: $partner.id, kind: kind, terms: contractTerms, commissionBasisPoints: commissionBasisPoints,
                paymentTermsDays: paymentTermsDays, text: terms,
                annualRevenueTarget: revenueTargetMinor.map { Money(minorUnits: $0, currency: .eur) },
                terminationReason: terminationReason,
                document: documentSHA256.map {
                    StoredFile(sha256: $0, bytes: documentBytes ?? 0, uploadedAt: documentUploadedAt ?? created)
                },
                createdAt: created)
        }
    }
}

extension ComplianceDocumentRecord {
    convenience init(_ draft: ComplianceDocumentDraft, partnerID: UUID, createdBy: UUID) {
        self.init()
        $partner.id = partnerID
        kind = draft.kind
        reference = draft.reference
        issuer = draft.issuer
        productSKU = draft.productSKU
        issuedOn = draft.issuedOn
        expiresOn = draft.expiresOn
        self.createdBy = createdBy
    }

    var value: ComplianceDocument {
        get throws {
            let created = createdAt ?? Date(timeIntervalSince1970: 0)
            return ComplianceDocument(
                id: try requireID(), partnerID: $partner.id, kind: kind, reference: reference, issuer: issuer, productSKU: productSKU,
                issuedOn: issuedOn, expiresOn: expiresOn,
                file: fileSHA256.map { StoredFile(sha256: $0, bytes: fileBytes ?? 0, uploadedAt: created) }, createdAt: created)
        }
    }
}
