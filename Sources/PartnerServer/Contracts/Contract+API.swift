import Foundation
import PartnerAPI
import PartnerCore

extension Contract {
    /// Status and renewal figures are derived for `date`, so they never go stale.
    func api(at date: Date) -> Components.Schemas.Contract {
        Components.Schemas.Contract(
            id: id.apiString, partnerId: partnerID.apiString, kind: .init(kind), status: .init(terms.status(at: date)),
            startsOn: CalendarDay.format(terms.startsOn), endsOn: CalendarDay.format(terms.endsOn),
            currentTermEndsOn: CalendarDay.format(terms.currentEnd(at: date)), daysToRenewal: terms.daysToRenewal(at: date),
            autoRenew: terms.autoRenew, renewalNoticeDays: terms.renewalNoticeDays,
            commissionRate: commissionBasisPoints.map { FixedPoint.unscaled($0, decimals: 2) }, paymentTermsDays: paymentTermsDays,
            annualRevenueTarget: annualRevenueTarget.map(Components.Schemas.Money.init), terminatedAt: terms.terminatedAt, terms: text,
            document: document.map { .init(sha256: $0.sha256, bytes: $0.bytes, uploadedAt: $0.uploadedAt) }, createdAt: createdAt)
    }
}

extension ComplianceDocument {
    var api: Components.Schemas.ComplianceDocument {
        Components.Schemas.ComplianceDocument(
            id: id.apiString, kind: .init(kind), reference: reference, issuer: issuer, productSku: productSKU,
            issuedOn: CalendarDay.format(issuedOn), expiresOn: expiresOn.map(CalendarDay.format),
            file: file.map { .init(sha256: $0.sha256, bytes: $0.bytes, uploadedAt: $0.uploadedAt) }, createdAt: createdAt)
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
