import Foundation
import PartnerCore

/// Payloads of the alert events: `partner.alert.raised` keeps its original shape for the
/// consumers that read it; `notification.partner_alert` is what Notification OS delivers from,
/// for partner and HQ alerts alike (`audience`).
enum PartnerAlertEvents {
    struct Raised: Encodable, Sendable {
        let alertId: UUID
        let partnerId: UUID
        let kind: String
        let severity: String
        let title: String
        let message: String
    }

    struct Subject: Encodable, Sendable {
        let type: String
        let id: String
    }

    struct Notification: Encodable, Sendable {
        let alertId: String
        let audience: String
        let partnerId: String?
        let kind: String
        let severity: String
        let title: String
        let message: String
        let link: String?
        let subject: Subject?
        let createdAt: Date
    }

    static func raised(_ alert: PartnerAlert) -> [DomainEvent] {
        [
            DomainEvent(
                type: .partnerAlertRaised, subjectType: "partner_alert", subjectID: alert.id, partnerID: alert.partnerID,
                data: Raised(
                    alertId: alert.id, partnerId: alert.partnerID, kind: alert.kind, severity: alert.severity.rawValue, title: alert.title,
                    message: alert.message)),
            notification(
                id: alert.id, audience: "partner", partnerID: alert.partnerID, kind: alert.kind, severity: alert.severity,
                title: alert.title,
                message: alert.message, link: alert.link, subject: alert.subjectType.flatMap { type in alert.subjectID.map { (type, $0) } },
                createdAt: alert.createdAt),
        ]
    }

    static func raised(_ alert: HQAlert) -> DomainEvent {
        notification(
            id: alert.id, audience: "hq", partnerID: alert.partnerID, kind: alert.kind, severity: alert.severity, title: alert.title,
            message: alert.message, link: alert.link, subject: alert.subjectType.flatMap { type in alert.subjectID.map { (type, $0) } },
            createdAt: alert.createdAt)
    }

    private static func notification(
        id: UUID, audience: String, partnerID: UUID?, kind: String, severity: AlertSeverity, title: String, message: String,
        link: String?, subject: (String, UUID)?, createdAt: Date
    ) -> DomainEvent {
        DomainEvent(
            type: .notificationPartnerAlert, subjectType: audience == "hq" ? "hq_alert" : "partner_alert", subjectID: id,
            partnerID: partnerID,
            data: Notification(
                alertId: id.apiString, audience: audience, partnerId: partnerID?.apiString, kind: kind, severity: severity.rawValue,
                title: title,
                message: message, link: link, subject: subject.map { Subject(type: $0.0, id: $0.1.apiString) }, createdAt: createdAt))
    }
}
