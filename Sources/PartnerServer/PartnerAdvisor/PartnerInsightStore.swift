import Fluent
import Foundation
import PartnerAdvisor
import SQLKit

/// Persists partner insights inside the caller's transaction and announces them, as `InsightStore`
/// does for stands: every insight emits `ai.insight.created`; one whose level moves into `act` (the
/// partner's previous insight of the same kind was not `act`, or there was none) raises a partner
/// alert. Reads the history newest first and the latest score of a kind for the dashboard.
struct PartnerInsightStore {
    struct Created: Encodable, Sendable {
        let insightId: UUID
        let kind: String
        let scope: String
        let partnerId: UUID
        let score: Int
        let level: String
        let headline: String
        let modelVersion: String
        let generatedAt: Date
    }

    let database: any Database

    static func record(
        _ insight: Insight, partner partnerID: UUID, by userID: UUID?, on db: any Database, at now: Date
    ) async throws -> StoredPartnerInsight {
        let previous = try await PartnerAIInsightRecord.query(on: db).filter(\.$partner.$id == partnerID)
            .filter(\.$kind == insight.kind).sort(\.$createdAtMillis, .descending).sort(\.$id, .descending).first()
        let row = PartnerAIInsightRecord()
        row.$partner.id = partnerID
        row.kind = insight.kind
        row.score = insight.score
        row.level = insight.level.rawValue
        row.title = insight.storyboard.headline
        row.summary = insight.storyboard.whatHappened
        let payload = InsightPayload<[String: String]>(insight: insight, detail: nil)
        row.payload = String(decoding: try JSONEncoder.sortedCompact.encode(payload), as: UTF8.self)
        row.modelVersion = insight.modelVersion
        row.windowFrom = insight.window.from
        row.windowThrough = insight.window.through
        row.createdBy = userID
        row.createdAtMillis = PartnerOrderRecord.millis(now)
        row.createdAt = Date(timeIntervalSince1970: Double(row.createdAtMillis) / 1000)
        try await row.create(on: db)
        let id = try row.requireID()
        try await EventOutbox.append(
            DomainEvent(
                type: .aiInsightCreated, subjectType: "partner_ai_insight", subjectID: id, partnerID: partnerID,
                data: Created(
                    insightId: id, kind: insight.kind, scope: "partner", partnerId: partnerID, score: insight.score,
                    level: insight.level.rawValue, headline: insight.storyboard.headline, modelVersion: insight.modelVersion,
                    generatedAt: insight.generatedAt)),
            on: db, at: now)
        try await PartnerAlerts.raiseIfMovedIntoAct(
            insight, previousLevel: previous?.level, for: partnerID, subject: ("partner_ai_insight", id), on: db, at: now)
        return StoredPartnerInsight(id: id, partnerID: partnerID, insight: insight)
    }

    /// A partner's insights, newest first (optionally one kind).
    func list(of partnerID: UUID, kind: String?, page: PageRequest) async throws -> Page<StoredPartnerInsight> {
        let query = PartnerAIInsightRecord.query(on: database).filter(\.$partner.$id == partnerID)
        if let kind { query.filter(\.$kind == kind) }
        return try await query.newestFirst(by: \.$createdAtMillis, page: page).map { row in
            let payload = try JSONDecoder().decode(InsightOnlyPayload.self, from: Data(row.payload.utf8))
            return StoredPartnerInsight(id: try row.requireID(), partnerID: partnerID, insight: payload.insight)
        }
    }

    /// The score and level of the partner's latest insight of `kind`, for the dashboard: two columns
    /// read through the (partner, kind, time) index, without decoding the stored insight.
    func latestScore(of partnerID: UUID, kind: String) async throws -> (score: Int, level: String)? {
        struct Row: Decodable {
            let score: Int
            let level: String
        }
        let row = try await database.sql().raw(
            """
            SELECT score AS "score", level AS "level" FROM \(ident: PartnerAIInsightRecord.schema)
            WHERE partner_id = \(bind: partnerID) AND kind = \(bind: kind) ORDER BY created_at_ms DESC, id DESC LIMIT 1
            """
        ).first(decoding: Row.self)
        return row.map { ($0.score, $0.level) }
    }
}
