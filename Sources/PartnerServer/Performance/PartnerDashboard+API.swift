import Foundation
import PartnerAPI
import PartnerCore

extension Components.Schemas.PartnerDashboard {
    init(_ dashboard: PartnerDashboard) {
        self.init(
            partnerId: dashboard.partnerID.apiString,
            orders: .init(
                open: dashboard.orders.open, last90Days: dashboard.orders.last90Days,
                revenueLast90Days: .init(dashboard.orders.revenueLast90Days)),
            loyalty: .init(balance: dashboard.loyalty.balance, expiringSoon: dashboard.loyalty.expiringSoon),
            performance: .init(thisMonth: .init(dashboard.thisMonth), trend: dashboard.trend.map(Components.Schemas.PerformanceMonth.init)),
            contract: dashboard.contract.map {
                .init(contractId: $0.id.apiString, status: .init($0.status), daysToRenewal: $0.daysToRenewal)
            },
            compliance: .init(dashboard.compliance), aiScore: dashboard.aiScore?.score,
            aiLevel: dashboard.aiScore.flatMap { Components.Schemas.InsightLevel(rawValue: $0.level) })
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
