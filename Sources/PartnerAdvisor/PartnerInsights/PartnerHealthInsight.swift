import Foundation
import PartnerCore

/// The health insight of a partner: is its trade growing, is it ordering in its usual rhythm, is it
/// under contract, does it use the loyalty programme, does it cancel, does it meet its target.
///
/// Score: 100 points —
/// - `revenue_trend` (20): all points for a significant rise of monthly revenue over the last twelve
///   complete months, 12 for no significant trend, none for a significant fall (Mann–Kendall at the
///   5 % level with Sen's slope, `MannKendall`); half with fewer than four months of trade;
/// - `order_recency` (20): the share of the partner's own gaps between orders that were at least as
///   long as the current silence (`OrderRhythm.survival`), doubled and capped, so a silence up to
///   the median gap earns everything and one longer than any gap seen earns nothing; half with a
///   single order (no rhythm yet), none without orders;
/// - `contract` (15): all points for a running contract, half when it is due for renewal, a
///   quarter for an unsigned draft, none without one (or expired, terminated);
/// - `loyalty` (10): 6 for earning points in the last year, up to 4 more for redeeming a quarter
///   of them, less up to 3 for the share of the balance about to expire;
/// - `cancelled_share` (15): 1 − the share of last year's orders cancelled, against a ceiling of
///   25 %;
/// - `target_attainment` (20): the mean attainment of the recent months' targets, capped at 100 %;
///   half without a target.
public enum PartnerHealthInsight {
    public static let kind = PartnerInsightKind.health.rawValue
    public static let cancelledCeiling = 0.25
    /// The share of earned points whose redemption earns the loyalty factor's last points.
    public static let redemptionGoal = 0.25

    /// The points each factor can earn; they add up to 100.
    public static func weight(_ key: String) -> Double {
        switch key {
        case "revenue_trend", "order_recency", "target_attainment": 20
        case "contract", "cancelled_share": 15
        case "loyalty": 10
        default: 0
        }
    }

    /// The factors of a health insight that cost the most points (ties in declared order).
    public static func topFactors(_ insight: Insight, count: Int = 3) -> [InsightFactor] {
        insight.factors.enumerated().sorted { a, b in
            let lostA = weight(a.element.key) - Double(a.element.contribution)
            let lostB = weight(b.element.key) - Double(b.element.contribution)
            return lostA != lostB ? lostA > lostB : a.offset < b.offset
        }.prefix(max(0, count)).map(\.element)
    }

    public static func scorecard(_ signals: PartnerSignals) -> Scorecard {
        let trend = trend(of: signals)
        let rhythm = OrderRhythm(orderDates: signals.orderDates, now: signals.now)
        let cancelled = cancelledShare(signals)
        let attainment = meanAttainment(signals)
        let loyalty = signals.loyalty
        let redeemedShare = loyalty.earned > 0 ? Double(loyalty.redeemed) / Double(loyalty.earned) : 0
        return Scorecard([
            .init(
                key: "revenue_trend", label: "Revenue trend (% of the mean month, per month)",
                value: NumberText.rounded(trendPercent(trend, signals)), weight: weight("revenue_trend"),
                attainment: trendAttainment(trend),
                display: trendText(trend, signals)),
            .init(
                key: "order_recency", label: "Days since the last order", value: rhythm.daysSinceLast ?? 0, weight: weight("order_recency"),
                attainment: recencyAttainment(rhythm), display: recencyText(rhythm)),
            .init(
                key: "contract", label: "Days to contract renewal", value: Double(signals.contract?.daysToRenewal ?? 0),
                weight: weight("contract"),
                attainment: contractAttainment(signals.contract), display: contractText(signals.contract)),
            .init(
                key: "loyalty", label: "Loyalty points redeemed of earned, 12 months (%)", value: NumberText.rounded(redeemedShare * 100),
                weight: weight("loyalty"), attainment: loyaltyAttainment(loyalty), display: loyaltyText(loyalty)),
            .init(
                key: "cancelled_share", label: "Orders cancelled, 12 months (%)", value: NumberText.rounded(cancelled * 100),
                weight: weight("cancelled_share"),
                attainment: 1 - cancelled / cancelledCeiling,
                display: "\(NumberText.percent(cancelled)) of \(signals.ordersLastYear) orders cancelled"),
            .init(
                key: "target_attainment", label: "Target attainment, recent months (%)", value: NumberText.rounded(attainment ?? 0),
                weight: weight("target_attainment"), attainment: attainment.map { $0 / 100 } ?? 0.5,
                display: attainment.map { "\(NumberText.decimal($0)) % of target" } ?? "no target"),
        ])
    }

    /// Mann–Kendall over the last twelve complete months; nil with fewer than four months of trade.
    public static func trend(of signals: PartnerSignals) -> MannKendall? {
        MannKendall(signals.lastTwelveMonths)
    }

    static func trendAttainment(_ trend: MannKendall?) -> Double {
        guard let trend else { return 0.5 }
        switch trend.direction() {
        case .rising: return 1
        case .flat: return 0.6
        case .falling: return 0
        }
    }

    /// Sen's slope as a percent of the mean month, so partners of every size compare.
    static func trendPercent(_ trend: MannKendall?, _ signals: PartnerSignals) -> Double {
        let months = signals.lastTwelveMonths
        guard let trend, !months.isEmpty else { return 0 }
        let mean = months.reduce(0, +) / Double(months.count)
        return mean > 0 ? trend.slope / mean * 100 : 0
    }

    static func trendText(_ trend: MannKendall?, _ signals: PartnerSignals) -> String {
        guard let trend else { return "too little history (\(signals.lastTwelveMonths.count) months)" }
        let percent = trendPercent(trend, signals)
        let p = "Mann–Kendall \(NumberText.pValue(trend.pValue))"
        switch trend.direction() {
        case .rising: return "rising \(NumberText.decimal(percent)) % a month (\(p))"
        case .falling: return "falling \(NumberText.decimal(-percent)) % a month (\(p))"
        case .flat: return "no significant trend (\(p))"
        }
    }

    static func recencyAttainment(_ rhythm: OrderRhythm) -> Double {
        guard rhythm.daysSinceLast != nil else { return 0 }
        guard let survival = rhythm.survival else { return 0.5 }
        return min(1, 2 * survival)
    }

    static func recencyText(_ rhythm: OrderRhythm) -> String {
        guard let days = rhythm.daysSinceLast else { return "no orders yet" }
        guard let median = rhythm.medianInterval else { return "\(NumberText.decimal(days)) days, after its only order" }
        return "\(NumberText.decimal(days)) days against a usual gap of \(NumberText.decimal(median)) days"
    }

    static func contractAttainment(_ contract: PartnerSignals.ContractState?) -> Double {
        switch contract?.status {
        case .active: 1
        case .renewalDue: 0.5
        case .draft: 0.25
        case .expired, .terminated, nil: 0
        }
    }

    static func contractText(_ contract: PartnerSignals.ContractState?) -> String {
        guard let contract else { return "no contract" }
        switch contract.status {
        case .active, .renewalDue:
            return "\(contract.status.rawValue.replacingOccurrences(of: "_", with: " ")), \(contract.daysToRenewal) days to renewal"
        case .draft, .expired, .terminated:
            return contract.status.rawValue
        }
    }

    static func loyaltyAttainment(_ loyalty: PartnerSignals.Loyalty) -> Double {
        guard loyalty.earned > 0 else { return 0 }
        let redeemed = min(1, Double(loyalty.redeemed) / (Double(loyalty.earned) * redemptionGoal))
        let expiring = loyalty.balance > 0 ? min(1, Double(loyalty.expiringSoon) / Double(loyalty.balance)) : 0
        return 0.6 + 0.4 * redeemed - 0.3 * expiring
    }

    static func loyaltyText(_ loyalty: PartnerSignals.Loyalty) -> String {
        guard loyalty.earned > 0 else { return "no points earned in 12 months" }
        var text = "\(loyalty.redeemed) of \(loyalty.earned) points redeemed"
        if loyalty.expiringSoon > 0 { text += ", \(loyalty.expiringSoon) expiring within 30 days" }
        return text
    }

    static func cancelledShare(_ signals: PartnerSignals) -> Double {
        guard signals.ordersLastYear > 0 else { return 0 }
        return min(1, Double(max(0, signals.cancelledLastYear)) / Double(signals.ordersLastYear))
    }

    static func meanAttainment(_ signals: PartnerSignals) -> Double? {
        let values = signals.targetAttainment.filter(\.isFinite)
        guard !values.isEmpty else { return nil }
        return min(100, values.reduce(0, +) / Double(values.count))
    }
}
