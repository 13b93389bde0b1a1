import Foundation
import PartnerAPI
import PartnerCore

extension PartnerContractRecord {
    func api(at date: Date) throws -> Components.Schemas.Contract {
        let rules = contractTerms
        let document = documentSHA256.map { sha in
            Components.Schemas.ContractDocument(sha256: sha, bytes: documentBytes ?? 0, uploadedAt: documentUploadedAt ?? Date())
        }
        return Components.Schemas.Contract(
            id: try requireID().apiString, partnerId: $partner.id.apiString, kind: .init(kind), status: .init(rules.status(at: date)),
            startsOn: CalendarDay.format(startsOn), endsOn: CalendarDay.format(endsOn),
            currentTermEndsOn: CalendarDay.format(rules.currentEnd(at: date)), daysToRenewal: rules.daysToRenewal(at: date),
            autoRenew: autoRenew, renewalNoticeDays: renewalNoticeDays,
            commissionRate: commissionBasisPoints.map { FixedPoint.unscaled($0, decimals: 2) }, paymentTermsDays: paymentTermsDays,
            annualRevenueTarget: revenueTargetMinor.map { .init(Money(minorUnits: $0, currency: .eur)) }, terminatedAt: terminatedAt,
            terms: terms, document: document, createdAt: createdAt ?? Date())
    }
}

extension ComplianceDocumentRecord {
    var api: Components.Schemas.ComplianceDocument {
        get throws {
            Components.Schemas.ComplianceDocument(
                id: try requireID().apiString, kind: .init(kind), reference: reference, issuer: issuer, productSku: productSKU,
                issuedOn: CalendarDay.format(issuedOn), expiresOn: expiresOn.map(CalendarDay.format),
                file: fileSHA256.map { .init(sha256: $0, bytes: fileBytes ?? 0, uploadedAt: createdAt ?? Date()) },
                createdAt: createdAt ?? Date())
        }
    }
}

extension Components.Schemas.ComplianceSummary {
    init(_ summary: ComplianceSummary) {
        self.init(
            complete: summary.isComplete, required: summary.required.map(Components.Schemas.ComplianceDocumentKind.init),
            missing: summary.missing.map(Components.Schemas.ComplianceDocumentKind.init),
            expiringSoon: summary.expiringSoon.map(Components.Schemas.ComplianceDocumentKind.init),
            expired: summary.expired.map(Components.Schemas.ComplianceDocumentKind.init))
    }
}
