import Fluent
import Foundation
import PartnerAdvisor
import PartnerCore
import SQLKit

/// `GET /dealers/ai/insights`: dealers ranked by risk, lowest health first, from each dealer's
/// latest stored health insight — scored on demand (and stored) when it has none or the latest is
/// older than a day. Staff and `partners:read` tokens see every active or suspended dealer; a
/// dealer user only the dealers it belongs to.
struct DealerRiskService {
    struct Ranked: Sendable, Equatable {
        let partnerID: UUID
        let companyName: String
        let score: Int
        let level: InsightLevel
        let topFactors: [InsightFactor]
        let generatedAt: Date
    }

    /// The keyset position of a ranked page: lowest score first, then by partner id.
    struct Position: Codable {
        let score: Int
        let id: UUID
    }

    static let freshFor: TimeInterval = 86_400

    let database: any Database
    let advisor: PartnerAdvisorService
    let clock: AppClock

    func ranked(scope: AccessScope, dealerID: UUID?, level: InsightLevel?, page: PageRequest) async throws -> Page<Ranked> {
        let now = clock.now
        if let visible = scope.visiblePartnerIDs, visible.isEmpty {
            if dealerID != nil { throw DomainError.notFound("No dealer with this id.") }
            return Page(rows: [], limit: page.limit) { Position(score: $0.score, id: $0.partnerID) }
        }
        let query = PartnerRecord.query(on: database).filter(\.$type == .dealer).filter(\.$status ~~ [.active, .suspended])
        if let visible = scope.visiblePartnerIDs { query.filter(\.$id ~~ Array(visible)) }
        if let dealerID { query.filter(\.$id == dealerID) }
        let dealers = try await query.with(\.$tier).sort(\.$id).all().map { try $0.value }
        if dealerID != nil, dealers.isEmpty { throw DomainError.notFound("No dealer with this id.") }
        var latest = try await latestHealth(visible: scope.visiblePartnerIDs, dealerID: dealerID)
        for dealer in dealers where latest[dealer.id].map({ now.timeIntervalSince($0.generatedAt) > Self.freshFor }) ?? true {
            if let stored = try await advisor.generate(for: dealer, kinds: [.health], by: nil).first {
                latest[dealer.id] = stored.insight
            }
        }
        var rows: [Ranked] = dealers.compactMap { dealer in
            guard let insight = latest[dealer.id] else { return nil }
            return Ranked(
                partnerID: dealer.id, companyName: dealer.companyName, score: insight.score, level: insight.level,
                topFactors: PartnerHealthInsight.topFactors(insight), generatedAt: insight.generatedAt)
        }
        if let level { rows = rows.filter { $0.level == level } }
        rows.sort { ($0.score, $0.partnerID.uuidString) < ($1.score, $1.partnerID.uuidString) }
        if let after = try page.position(Position.self) {
            rows = rows.filter { ($0.score, $0.partnerID.uuidString) > (after.score, after.id.uuidString) }
        }
        return Page(rows: Array(rows.prefix(page.limit + 1)), limit: page.limit) { Position(score: $0.score, id: $0.partnerID) }
    }

    /// The latest health insight of each dealer in reach: one row per dealer through the (partner,
    /// kind, time) index, so a long history is not read.
    private func latestHealth(visible: Set<UUID>?, dealerID: UUID?) async throws -> [UUID: Insight] {
        struct Row: Decodable {
            let partnerId: UUID
            let payload: String
        }
        var query: SQLQueryString = """
            SELECT i.partner_id AS "partnerId", i.payload AS "payload" FROM partner_ai_insights i \
            JOIN partners p ON p.id = i.partner_id \
            WHERE i.kind = \(bind: PartnerInsightKind.health.rawValue) AND p.type = \(bind: PartnerType.dealer.rawValue) \
            AND p.status IN (\(binds: [PartnerStatus.active.rawValue, PartnerStatus.suspended.rawValue])) \
            AND i.created_at_ms = (SELECT MAX(j.created_at_ms) FROM partner_ai_insights j WHERE j.partner_id = i.partner_id AND j.kind = i.kind)
            """
        if let visible { query = query + " AND i.partner_id IN (\(binds: Array(visible)))" }
        if let dealerID { query = query + " AND i.partner_id = \(bind: dealerID)" }
        var result: [UUID: Insight] = [:]
        if let visible, visible.isEmpty { return result }
        for row in try await database.sql().raw(query).all(decoding: Row.self) where result[row.partnerId] == nil {
            guard let payload = try? JSONDecoder().decode(InsightOnlyPayload.self, from: Data(row.payload.utf8)) else { continue }
            result[row.partnerId] = payload.insight
        }
        return result
    }
}
