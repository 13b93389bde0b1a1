import Foundation
import PartnerAPI
import PartnerCore
import Vapor

extension APIHandler {
    func getPartnerPerformance(_ input: Operations.GetPartnerPerformance.Input) async throws -> Operations.GetPartnerPerformance.Output {
        let caller = try authenticate()
        let partner = try await authorizedPartner(input.path.id, for: caller, to: .readPerformance)
        var validator = FieldValidator()
        let to = input.query.to.map(Month.init) ?? Month(containing: now)
        validator.check(to != nil, "to", "must be a month as YYYY-MM")
        let end = to ?? Month(containing: now)
        let from = input.query.from.map(Month.init) ?? end.adding(-11)
        validator.check(from != nil, "from", "must be a month as YYYY-MM")
        if let from {
            validator.check(from <= end && from >= end.adding(-59), "from", "must be at most 60 months before to, and not after it")
        }
        try validator.finish()
        let series = try await services.performance.series(of: partner, from: from ?? end, to: end)
        return .ok(
            .init(
                body: .json(
                    .init(partnerId: try partner.requireID().apiString, items: series.map(Components.Schemas.PerformanceMonth.init)))))
    }

    func getPartnerDashboard(_ input: Operations.GetPartnerDashboard.Input) async throws -> Operations.GetPartnerDashboard.Output {
        let caller = try authenticate()
        let partner = try await authorizedPartner(input.path.id, for: caller, to: .readPerformance)
        let partnerID = try partner.requireID()
        let now = self.now
        let open = try await services.orderReader.openCount(partnerID: partnerID)
        let (recentCount, recentRevenue) = try await services.orderReader.totals(
            partnerID: partnerID, since: now.addingTimeInterval(-90 * 86_400))
        let loyaltySummary = try await services.loyalty.summary(of: partnerID, at: now)
        let thisMonth = Month(containing: now)
        let trend = try await services.performance.series(of: partner, from: thisMonth.adding(-5), to: thisMonth)
        let contract = try await services.contracts.contracts(of: partnerID)
            .map { (record: $0, status: $0.contractTerms.status(at: now)) }
            .first { $0.status == .active || $0.status == .renewalDue }
        let compliance = try await services.contracts.complianceSummary(of: partner, at: now)
        return .ok(
            .init(
                body: .json(
                    .init(
                        partnerId: partnerID.apiString,
                        orders: .init(
                            open: open, last90Days: recentCount,
                            revenueLast90Days: .init(Money(minorUnits: recentRevenue, currency: trend.last?.revenue.currency ?? .eur))),
                        loyalty: .init(
                            balance: loyaltySummary.ledger.balance,
                            expiringSoon: loyaltySummary.expiringSoon.reduce(0) { $0 + $1.remaining }),
                        performance: .init(
                            thisMonth: .init(trend[trend.count - 1]), trend: trend.map(Components.Schemas.PerformanceMonth.init)),
                        contract: try contract.map {
                            .init(
                                contractId: try $0.record.requireID().apiString, status: .init($0.status),
                                daysToRenewal: $0.record.contractTerms.daysToRenewal(at: now))
                        },
                        compliance: .init(compliance), aiScore: nil))))
    }

    func getPartnerTierReview(_ input: Operations.GetPartnerTierReview.Input) async throws -> Operations.GetPartnerTierReview.Output {
        let caller = try authenticate()
        let partner = try await authorizedPartner(input.path.id, for: caller, to: .readPerformance)
        let partnerID = try partner.requireID()
        let revenue = Money(minorUnits: try await services.performance.trailingRevenue(of: partnerID), currency: .eur)
        let review = TierReview(
            trailingRevenue: revenue, type: partner.type, current: partner.tier?.definition,
            tiers: try await services.tiers.all().map(\.definition))
        return .ok(
            .init(
                body: .json(
                    .init(
                        partnerId: partnerID.apiString, trailingRevenue: .init(review.trailingRevenue), currentTier: review.currentCode,
                        suggestedTier: review.suggestedCode, action: .init(rawValue: review.action.rawValue) ?? .keep,
                        nextTier: review.nextCode,
                        revenueToNextTier: review.revenueToNext.map(Components.Schemas.Money.init)))))
    }
}

extension Components.Schemas.PerformanceMonth {
    init(_ month: MonthlyPerformance) {
        self.init(
            month: month.month.description, revenue: .init(month.revenue), orders: month.orders,
            averageOrderValue: .init(month.averageOrderValue),
            growthVsPreviousMonthPercent: month.growthVsPreviousMonth, growthVsLastYearPercent: month.growthVsLastYear,
            targetAttainmentPercent: month.targetAttainment, loyaltyEarned: month.loyaltyEarned)
    }
}
