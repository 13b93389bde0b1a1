import Foundation
import PartnerAdvisor
import PartnerCore
import SQLKit

/// `ai-refresh`: nightly, every active partner's advisor insights and every active stand's refill
/// forecast (whose reorder points the low-stock rule uses for 7 days) are generated again through
/// the advisor and coach services. A partner or stand already refreshed that day is skipped, so a
/// second run does nothing; one that fails is counted and the rest go on.
struct AIRefreshAutomation: Automation {
    let name = AutomationName.aiRefresh
    let cadence = AutomationCadence.daily(hour: 2, minute: 30)
    let lease: TimeInterval = 2 * 3_600
    let partners: PartnerService
    let advisor: PartnerAdvisorService
    let coach: StandCoach

    struct PartialFailure: Error, CustomStringConvertible {
        let description: String
    }

    func run(at now: Date) async throws -> String {
        let since = PartnerOrderRecord.millis(CalendarDay.startOfDay(now))
        let active = try await partners.all(in: .active)
        let refreshedPartners = try await refreshed(from: "partner_ai_insights", subject: "partner_id", kind: nil, since: since)
        let refreshedStands = try await refreshed(from: "stand_ai_insights", subject: "stand_id", kind: "refill_forecast", since: since)
        var tally = AutomationTally()
        var failures: [String] = []
        for partner in active where !refreshedPartners.contains(partner.id) {
            try Task.checkCancellation()
            do {
                tally.add("partner insights", try await advisor.generate(for: partner, kinds: PartnerInsightKind.allCases, by: nil).count)
            } catch {
                failures.append("partner \(partner.id.apiString): \(error)")
            }
        }
        for stand in active where stand.type == .stand && !refreshedStands.contains(stand.id) {
            try Task.checkCancellation()
            do {
                _ = try await coach.refillForecasts.forecast(RefillForecastRequest(standID: stand.id), replaySafe: nil) { $0.standID }
                tally.add("refill forecasts")
            } catch {
                failures.append("stand \(stand.id.apiString): \(error)")
            }
        }
        let summary = tally.summary(checked: active.count, of: "active partners")
        guard failures.isEmpty else {
            throw PartialFailure(description: "\(summary); \(failures.count) failed, first: \(failures[0])")
        }
        return summary
    }

    /// The subjects with an insight (of `kind`) since the day began.
    private func refreshed(from table: String, subject: String, kind: String?, since: Int64) async throws -> Set<UUID> {
        var kindFilter: SQLQueryString = ""
        if let kind { kindFilter = "AND kind = \(bind: kind)" }
        let rows = try await advisor.database.sql().raw(
            """
            SELECT DISTINCT \(ident: subject) AS "partnerId" FROM \(ident: table) WHERE created_at_ms >= \(bind: since) \(kindFilter)
            """
        ).all(decoding: PartnerIDRow.self)
        return Set(rows.map(\.partnerId))
    }
}
