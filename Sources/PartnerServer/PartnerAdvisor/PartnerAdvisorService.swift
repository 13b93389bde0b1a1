import Fluent
import Foundation
import PartnerAdvisor
import PartnerCore

/// `POST /partners/ai/insights`: scores a partner's health, expansion readiness and compliance
/// (`PartnerAdvisorRun`) over the last twelve complete months (two years for growth) and stores
/// each as a partner insight, announced and alerted by `PartnerInsightStore`.
struct PartnerAdvisorService {
    let database: any Database
    let writes: WriteSerializer
    let signals: PartnerSignalsReader
    let store: PartnerInsightStore
    let clock: AppClock

    func generate(for partner: Partner, kinds: [PartnerInsightKind], by userID: UUID?) async throws -> [StoredPartnerInsight] {
        let now = clock.now
        let signals = try await self.signals.signals(of: partner, now: now)
        let lastMonth = Month(containing: now).adding(-1)
        let window = Insight.Window(from: lastMonth.adding(-11).start, through: lastMonth.next.start.addingTimeInterval(-86_400))
        let insights = PartnerAdvisorRun.insights(signals, kinds: kinds.isEmpty ? PartnerInsightKind.allCases : kinds, window: window)
        return try await writes.transaction(on: database) { db in
            try await db.lockPartner(partner.id)
            var stored: [StoredPartnerInsight] = []
            for insight in insights {
                stored.append(try await PartnerInsightStore.record(insight, partner: partner.id, by: userID, on: db, at: now))
            }
            return stored
        }
    }

    func insights(of partnerID: UUID, kind: PartnerInsightKind?, page: PageRequest) async throws -> Page<StoredPartnerInsight> {
        try await store.list(of: partnerID, kind: kind?.rawValue, page: page)
    }
}
