import Fluent
import Foundation
import PartnerAdvisor
import PartnerCore
import SQLKit

/// Partner alerts (Notification OS): raised inside the transaction of the change that caused them,
/// announced as `partner.alert.raised` and `notification.partner_alert`, listed newest first,
/// marked read by the partner's members. HQ alerts live beside them for HQ's own inbox.
struct PartnerAlerts {
    let database: any Database
    let writes: WriteSerializer
    let clock: AppClock

    /// Stores a partner's alert and announces it; call it with the transaction's database.
    @discardableResult
    static func raise(
        for partnerID: UUID, kind: String, severity: AlertSeverity, title: String, message: String, link: String? = nil,
        subject: (type: String, id: UUID)?, on db: any Database, at now: Date
    ) async throws -> PartnerAlert {
        let alert = PartnerAlertRecord()
        alert.$partner.id = partnerID
        alert.kind = kind
        alert.severity = severity.rawValue
        alert.title = title
        alert.message = message
        alert.link = link
        alert.subjectType = subject?.type
        alert.subjectID = subject?.id
        alert.createdAtMillis = PartnerOrderRecord.millis(now)
        alert.createdAt = Date(timeIntervalSince1970: Double(alert.createdAtMillis) / 1000)
        try await alert.create(on: db)
        let value = try alert.value
        try await EventOutbox.append(PartnerAlertEvents.raised(value), on: db, at: now)
        return value
    }

    /// Stores an alert for HQ (network-wide; `partnerID` names the partner it concerns, if one)
    /// and announces it as `notification.partner_alert` with the audience `hq`.
    @discardableResult
    static func raiseHQ(
        kind: String, severity: AlertSeverity, title: String, message: String, link: String? = nil, partnerID: UUID? = nil,
        subject: (type: String, id: UUID)?, on db: any Database, at now: Date
    ) async throws -> HQAlert {
        let alert = HQAlertRecord()
        alert.partnerID = partnerID
        alert.kind = kind
        alert.severity = severity.rawValue
        alert.title = title
        alert.message = message
        alert.link = link
        alert.subjectType = subject?.type
        alert.subjectID = subject?.id
        alert.createdAtMillis = PartnerOrderRecord.millis(now)
        alert.createdAt = Date(timeIntervalSince1970: Double(alert.createdAtMillis) / 1000)
        try await alert.create(on: db)
        let value = try alert.value
        try await EventOutbox.append(PartnerAlertEvents.raised(value), on: db, at: now)
        return value
    }

    /// The one rule for every AI insight (stand or partner): an insight whose level moves into `act`
    /// — the previous insight of its kind was not `act`, or there was none — raises a critical alert.
    static func raiseIfMovedIntoAct(
        _ insight: Insight, previousLevel: String?, for partnerID: UUID, subject: (type: String, id: UUID), on db: any Database,
        at now: Date
    ) async throws {
        guard insight.level == .act, previousLevel != InsightLevel.act.rawValue else { return }
        try await raise(
            for: partnerID, kind: "ai_insight_act", severity: .critical, title: insight.storyboard.headline,
            message: "\(insight.storyboard.why) \(insight.storyboard.whatNext)", subject: subject, on: db, at: now)
    }

    func list(of partnerID: UUID, page: PageRequest) async throws -> Page<PartnerAlert> {
        try await PartnerAlertRecord.query(on: database).filter(\.$partner.$id == partnerID)
            .newestFirst(by: \.$createdAtMillis, page: page).map { try $0.value }
    }

    func listHQ(page: PageRequest) async throws -> Page<HQAlert> {
        try await HQAlertRecord.query(on: database).newestFirst(by: \.$createdAtMillis, page: page).map { try $0.value }
    }

    /// Marks one of the partner's alerts read (the first time counts; later calls change nothing).
    /// Another partner's alert is not found.
    func markRead(_ alertID: UUID, of partnerID: UUID) async throws -> PartnerAlert {
        let now = clock.now
        return try await writes.transaction(on: database) { db in
            try await db.sql().update(PartnerAlertRecord.schema).set("read_at", to: SQLBind(now))
                .where("id", .equal, SQLBind(alertID)).where("partner_id", .equal, SQLBind(partnerID))
                .where("read_at", .is, SQLLiteral.null).run()
            guard
                let alert = try await PartnerAlertRecord.query(on: db).filter(\.$id == alertID).filter(\.$partner.$id == partnerID).first()
            else { throw DomainError.notFound("No alert with this id.") }
            return try alert.value
        }
    }
}
