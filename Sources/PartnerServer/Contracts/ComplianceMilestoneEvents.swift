import Foundation
import PartnerCore

/// Payloads of `compliance.document.expiring` and `compliance.document.expired`, and the alert
/// each one raises.
enum ComplianceMilestoneEvents {
    struct Payload: Encodable, Sendable {
        let documentId: String
        let partnerId: String
        let kind: String
        let reference: String
        let productSku: String?
        let expiresOn: String
        /// Days from today to the expiry day (0 on it); only on `expiring`.
        let daysLeft: Int?
    }

    static func event(_ milestone: ComplianceMilestone, of document: ComplianceDocument) -> DomainEvent {
        let (type, expiresOn, daysLeft): (EventType, Date, Int?) =
            switch milestone {
            case .expiring(let day, let days): (.complianceDocumentExpiring, day, days)
            case .expired(let day): (.complianceDocumentExpired, day, nil)
            }
        return DomainEvent(
            type: type, subjectType: "compliance_document", subjectID: document.id, partnerID: document.partnerID,
            data: Payload(
                documentId: document.id.apiString, partnerId: document.partnerID.apiString, kind: document.kind.rawValue,
                reference: document.reference, productSku: document.productSKU, expiresOn: CalendarDay.format(expiresOn),
                daysLeft: daysLeft))
    }

    static func alert(_ milestone: ComplianceMilestone, of document: ComplianceDocument) -> AutomationNotices.Alert {
        let name = "\(document.kind.rawValue.replacingOccurrences(of: "_", with: " ")) \(document.reference)"
        let link = "/api/v1/partners/\(document.partnerID.apiString)/compliance-documents"
        let subject = (type: "compliance_document", id: document.id)
        switch milestone {
        case .expiring(let day, let days):
            return .init(
                kind: "compliance_document_expiring", severity: .warning, title: "\(name) expires on \(CalendarDay.format(day))",
                message: "\(days) days left. Upload the renewed document before it expires.", link: link, subject: subject)
        case .expired(let day):
            return .init(
                kind: "compliance_document_expired", severity: .critical, title: "\(name) expired on \(CalendarDay.format(day))",
                message: "Upload a valid document to keep your compliance file complete.", link: link, subject: subject)
        }
    }
}
