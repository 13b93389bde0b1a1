import Foundation
import PartnerCore

extension PartnerHealthInsight {
    public static func recommendations(_ signals: PartnerSignals) -> [InsightRecommendation] {
        var result: [InsightRecommendation] = []
        let rhythm = OrderRhythm(orderDates: signals.orderDates, now: signals.now)
        if let survival = rhythm.survival, survival < 0.25, let days = rhythm.daysSinceLast, let median = rhythm.medianInterval {
            result.append(
                .init(
                    action: "call_partner", priority: survival == 0 ? .high : .medium,
                    rationale: "No order for \(NumberText.decimal(days)) days, longer than \(NumberText.percent(1 - survival)) of its "
                        + "gaps (usually \(NumberText.decimal(median)) days); call to ask what changed"))
        } else if rhythm.daysSinceLast == nil {
            result.append(
                .init(action: "first_order", priority: .high, rationale: "No order yet; walk the partner through its first order"))
        }
        if trend(of: signals)?.direction() == .falling {
            result.append(
                .init(
                    action: "review_trend", priority: .high,
                    rationale: "Revenue is \(trendText(trend(of: signals), signals)); review assortment, pricing and competition"))
        }
        switch signals.contract?.status {
        case .renewalDue:
            result.append(
                .init(
                    action: "renew_contract", priority: .high,
                    rationale: "The contract is due for renewal in \(signals.contract?.daysToRenewal ?? 0) days; start the renewal"))
        case .expired, .terminated, nil:
            result.append(
                .init(action: "sign_contract", priority: .high, rationale: "No contract in force; agree and sign one"))
        case .draft:
            result.append(.init(action: "sign_contract", priority: .medium, rationale: "The contract is still a draft; get it signed"))
        case .active:
            break
        }
        if signals.loyalty.expiringSoon > 0 {
            result.append(
                .init(
                    action: "redeem_points", priority: .medium,
                    rationale: "\(signals.loyalty.expiringSoon) loyalty points expire within 30 days; remind the partner to redeem them"))
        } else if signals.loyalty.earned == 0, !signals.orderDates.isEmpty {
            result.append(
                .init(action: "explain_loyalty", priority: .low, rationale: "No loyalty points earned in a year; explain the programme"))
        }
        let cancelled = cancelledShare(signals)
        if cancelled > 0.1 {
            result.append(
                .init(
                    action: "review_cancellations", priority: cancelled >= cancelledCeiling ? .high : .medium,
                    rationale: "\(NumberText.percent(cancelled)) of last year's orders were cancelled; find out why"))
        }
        if let attainment = meanAttainment(signals), attainment < 80 {
            result.append(
                .init(
                    action: "plan_target", priority: attainment < 50 ? .high : .medium,
                    rationale: "Recent months reached \(NumberText.decimal(attainment)) % of target; agree a plan to close the gap"))
        }
        return result
    }

    public static func insight(_ signals: PartnerSignals, window: Insight.Window) -> Insight {
        let scorecard = scorecard(signals)
        let recommendations = recommendations(signals)
        let months = signals.lastTwelveMonths
        let revenue = months.reduce(0, +)
        let summary =
            "Over the last \(months.count) complete months \(signals.name) bought for \(NumberText.decimal(revenue)) "
            + "\(signals.currency.code) in \(signals.ordersLastYear) orders (\(signals.cancelledLastYear) cancelled)."
        let storyboard = StoryboardBuilder.build(
            subject: signals.name, title: "partner health", scorecard: scorecard, summary: summary, recommendations: recommendations)
        return Insight(
            kind: kind, scorecard: scorecard, recommendations: recommendations, storyboard: storyboard, window: window,
            generatedAt: signals.now)
    }
}
