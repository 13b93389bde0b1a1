import Fluent
import Foundation
import PartnerAdvisor

/// Partner alerts (Notification OS): raised inside the transaction of the change that caused them,
/// announced as `partner.alert.raised`, listed newest first.
struct PartnerAlerts {
    struct Raised: Encodable, Sendable {
        let alertId: UUID
        let partnerId: UUID
        let kind: String
        let severity: String
        let title: String
        let message: String
    }

    let database: any Database

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

    /// The one rule for every AI insight (stand or partner): an insight whose level moves into `act`
    /// — the previous insight of its kind was not `act`, or there was none — raises a critical alert.
    static func raiseIfMovedIntoAct(
        _ insight: Insight, previousLevel: String?, for partnerID: UUID, subject: (type: String, id: UUID), on db: any Database,
        at now: Date
    ) async throws {
        guard insight.level == .act, previousLevel != InsightLevel.act.rawValue else { return }
        try await raise(
            for: partnerID, kind: "ai_insight_act", severity: "critical", title: insight.storyboard.headline,
            message: "\(insight.storyboard.why) \(insight.storyboard.whatNext)", subject: subject, on: db, at: now)
    }

    func list(of partnerID: UUID, page: PageRequest) async throws -> Page<PartnerAlert> {
        try await PartnerAlertRecord.query(on: database).filter(\.$partner.$id == partnerID)
            .newestFirst(by: \.$createdAtMillis, page: page).map { try $0.value }
    }
}
