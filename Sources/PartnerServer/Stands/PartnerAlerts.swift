import Fluent
import Foundation

/// Stores a partner alert and announces it, inside the caller's transaction.
enum PartnerAlerts {
    struct Raised: Encodable, Sendable {
        let alertId: UUID
        let partnerId: UUID
        let kind: String
        let severity: String
        let title: String
        let message: String
    }

    static func raise(
        for partnerID: UUID, kind: String, severity: String, title: String, message: String,
        subject: (type: String, id: UUID)?, on db: any Database, at now: Date
    ) async throws {
        let alert = PartnerAlertRecord()
        alert.$partner.id = partnerID
        alert.kind = kind
        alert.severity = severity
        alert.title = title
        alert.message = message
        alert.subjectType = subject?.type
        alert.subjectID = subject?.id
        alert.createdAtMillis = PartnerOrderRecord.millis(now)
        alert.createdAt = Date(timeIntervalSince1970: Double(alert.createdAtMillis) / 1000)
        try await alert.create(on: db)
        let id = try alert.requireID()
        try await EventOutbox.append(
            DomainEvent(
                type: .partnerAlertRaised, subjectType: "partner_alert", subjectID: id, partnerID: partnerID,
                data: Raised(alertId: id, partnerId: partnerID, kind: kind, severity: severity, title: title, message: message)),
            on: db, at: now)
    }

    static func list(of partnerID: UUID, page: PageRequest, on db: any Database) async throws -> Page<PartnerAlertRecord> {
        return try await PartnerAlertRecord.query(on: db).filter(\.$partner.$id == partnerID).newestFirst(
            by: \.$createdAtMillis, page: page)
    }
}
