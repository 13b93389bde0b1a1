import Foundation
import PartnerAdvisor
import PartnerCore

/// The partner's dashboard and tier review, composed from the services that own each part.
struct PartnerOverviewService {
    let orders: OrderRepository
    let loyalty: LoyaltyService
    let performance: PerformanceService
    let contracts: ContractService
    let compliance: ComplianceService
    let tiers: TierService
    let clock: AppClock
    let insights: PartnerInsightStore

    func dashboard(of partner: Partner) async throws -> PartnerDashboard {
        let now = clock.now
        let recent = try await orders.activity(partnerID: partner.id, since: now.addingTimeInterval(-90 * 86_400))
        let points = try await loyalty.summary(of: partner.id)
        let thisMonth = Month(containing: now)
        let contracts = try await contracts.contracts(of: partner.id)
        let trend = try await performance.series(of: partner, from: thisMonth.adding(-5), to: thisMonth, contracts: contracts)
        guard let current = trend.last else { throw DomainError.notFound("No performance figures for this month.") }
        let currency = current.revenue.currency
        return PartnerDashboard(
            partnerID: partner.id,
            orders: .init(
                open: recent.open, last90Days: recent.recentCount,
                revenueLast90Days: Money(minorUnits: recent.recentRevenueMinor, currency: currency)),
            loyalty: .init(balance: points.ledger.balance, expiringSoon: points.expiringSoon.reduce(0) { $0 + $1.remaining }),
            thisMonth: current, trend: trend, contract: .init(among: contracts, at: now),
            compliance: try await compliance.summary(of: partner),
            aiScore: try await insights.latestScore(of: partner.id, kind: PartnerInsightKind.health.rawValue))
    }

    /// The tier the partner's trailing twelve months earn, against its current one.
    func tierReview(of partner: Partner) async throws -> TierReview {
        let revenue = Money(minorUnits: try await performance.trailingRevenue(of: partner.id), currency: .eur)
        return TierReview(
            trailingRevenue: revenue, type: partner.type, current: partner.tier?.definition, tiers: try await tiers.all().map(\.definition))
    }
}
