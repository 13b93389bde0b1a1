import Fluent
import Foundation
import PartnerAdvisor

/// Persists insights inside the caller's transaction and announces them: every insight emits
/// `ai.insight.created`; a stand insight whose level moves into `act` (the stand's previous insight
/// of the same kind was not `act`, or there was none) raises a partner alert.
enum InsightStore {
    struct Created: Encodable, Sendable {
        let insightId: UUID
        let kind: String
        let scope: String
        let standId: UUID?
        let locationId: UUID?
        let subject: String?
        let score: Int
        let level: String
        let headline: String
        let modelVersion: String
        let generatedAt: Date
    }

    static func record<Detail: Codable & Sendable>(
        _ insight: Insight, stand standID: UUID, location locationID: UUID? = nil, detail: Detail?, on db: any Database, at now: Date
    ) async throws -> StoredInsight {
        let previous = try await StandAIInsightRecord.query(on: db).filter(\.$stand.$id == standID).filter(\.$kind == insight.kind)
            .sort(\.$createdAtMillis, .descending).sort(\.$id, .descending).first()
        let row = StandAIInsightRecord()
        row.$stand.id = standID
        row.$location.id = locationID
        row.kind = insight.kind
        row.title = insight.storyboard.headline
        row.summary = insight.storyboard.whatHappened
        row.payload = try encode(InsightPayload(insight: insight, detail: detail))
        row.score = Double(insight.score)
        row.level = insight.level.rawValue
        row.modelVersion = insight.modelVersion
        row.windowFrom = insight.window.from
        row.windowThrough = insight.window.through
        row.createdAtMillis = PartnerOrderRecord.millis(now)
        row.createdAt = Date(timeIntervalSince1970: Double(row.createdAtMillis) / 1000)
        try await row.create(on: db)
        let id = try row.requireID()
        try await announce(
            Created(
                insightId: id, kind: insight.kind, scope: "stand", standId: standID, locationId: locationID, subject: nil,
                score: insight.score, level: insight.level.rawValue, headline: insight.storyboard.headline,
                modelVersion: insight.modelVersion, generatedAt: insight.generatedAt),
            partnerID: standID, on: db, at: now)
        try await PartnerAlerts.raiseIfMovedIntoAct(
            insight, previousLevel: previous?.level, for: standID, subject: ("stand_ai_insight", id), on: db, at: now)
        return StoredInsight(id: id, standID: standID, locationID: locationID, subject: nil, insight: insight)
    }

    /// A network-wide insight (HQ's), such as a candidate site's expansion score.
    static func recordNetwork<Detail: Codable & Sendable>(
        _ insight: Insight, subject: String, region: String?, detail: Detail?, by userID: UUID?, on db: any Database, at now: Date
    ) async throws -> StoredInsight {
        let row = AIInsightRecord()
        row.kind = insight.kind
        row.subject = subject
        row.region = region
        row.score = insight.score
        row.level = insight.level.rawValue
        row.title = insight.storyboard.headline
        row.summary = insight.storyboard.whatHappened
        row.payload = try encode(InsightPayload(insight: insight, detail: detail))
        row.modelVersion = insight.modelVersion
        row.windowFrom = insight.window.from
        row.windowThrough = insight.window.through
        row.createdBy = userID
        row.createdAtMillis = PartnerOrderRecord.millis(now)
        row.createdAt = Date(timeIntervalSince1970: Double(row.createdAtMillis) / 1000)
        try await row.create(on: db)
        let id = try row.requireID()
        try await announce(
            Created(
                insightId: id, kind: insight.kind, scope: "network", standId: nil, locationId: nil, subject: subject,
                score: insight.score, level: insight.level.rawValue, headline: insight.storyboard.headline,
                modelVersion: insight.modelVersion, generatedAt: insight.generatedAt),
            partnerID: nil, on: db, at: now)
        return StoredInsight(id: id, standID: nil, locationID: nil, subject: subject, insight: insight)
    }

    private static func announce(_ created: Created, partnerID: UUID?, on db: any Database, at now: Date) async throws {
        try await EventOutbox.append(
            DomainEvent(
                type: .aiInsightCreated, subjectType: created.scope == "stand" ? "stand_ai_insight" : "ai_insight",
                subjectID: created.insightId, partnerID: partnerID, data: created),
            on: db, at: now)
    }

    private static func encode(_ value: some Encodable) throws -> String {
        String(decoding: try JSONEncoder.sortedCompact.encode(value), as: UTF8.self)
    }

    /// A stand's insights, newest first.
    static func list(of standID: UUID, kind: String?, page: PageRequest, on db: any Database) async throws -> Page<StoredInsight> {
        let query = StandAIInsightRecord.query(on: db).filter(\.$stand.$id == standID)
        if let kind { query.filter(\.$kind == kind) }
        return try await query.newestFirst(by: \.$createdAtMillis, page: page).map { row in
            let payload = try JSONDecoder().decode(InsightOnlyPayload.self, from: Data(row.payload.utf8))
            return StoredInsight(
                id: try row.requireID(), standID: standID, locationID: row.$location.id, subject: nil, insight: payload.insight)
        }
    }
}
