import Foundation
import PartnerCore

/// `tier-review`: once a month, every active partner whose trailing twelve months earn another
/// tier (the `GET …/tier-review` rule) gets `partner.tier.review_suggested` and an alert — once per
/// partner, month and suggestion. The tier itself changes only when HQ edits the partner (which
/// emits `partner.tier.changed`).
struct TierReviewAutomation: Automation {
    let name = AutomationName.tierReview
    let cadence = AutomationCadence.monthly(day: 1, hour: 3)
    let partners: PartnerService
    let overview: PartnerOverviewService
    let notices: AutomationNotices

    struct Suggested: Encodable, Sendable {
        let partnerId: String
        let period: String
        let action: String
        let currentTierCode: String?
        let suggestedTierCode: String?
        let trailingRevenue: EventMoney
    }

    func run(at now: Date) async throws -> String {
        let active = try await partners.all(in: .active)
        let period = Month(containing: now).description
        var tally = AutomationTally()
        for partner in active {
            try Task.checkCancellation()
            let review = try await overview.tierReview(of: partner)
            guard review.action != .keep else { continue }
            let event = DomainEvent(
                type: .tierReviewSuggested, subjectType: "partner", subjectID: partner.id, partnerID: partner.id,
                data: Suggested(
                    partnerId: partner.id.apiString, period: period, action: review.action.rawValue, currentTierCode: review.currentCode,
                    suggestedTierCode: review.suggestedCode, trailingRevenue: EventMoney(review.trailingRevenue)))
            let announced = try await notices.announceOnce(
                name, partnerID: partner.id, subjectID: partner.id, key: "\(period):\(review.suggestedCode ?? "none")", events: [event],
                alert: alert(review, partnerID: partner.id), at: now)
            if announced { tally.add("\(review.action.rawValue) suggestions") }
        }
        return tally.summary(checked: active.count, of: "active partners")
    }

    private func alert(_ review: TierReview, partnerID: UUID) -> AutomationNotices.Alert {
        let revenue = "\(review.trailingRevenue.amount) \(review.trailingRevenue.currency.code)"
        let link = "/api/v1/partners/\(partnerID.apiString)/tier-review"
        return review.action == .upgrade
            ? .init(
                kind: "tier_review_upgrade", severity: .info,
                title: "Your revenue qualifies for the \(review.suggestedCode ?? "next") tier",
                message: "\(revenue) over the last twelve months. Your partner manager will review your tier.", link: link,
                subject: ("partner", partnerID))
            : .init(
                kind: "tier_review_downgrade", severity: .warning,
                title: "Your revenue is below your \(review.currentCode ?? "current") tier",
                message: "\(revenue) over the last twelve months. Your partner manager will review your tier.", link: link,
                subject: ("partner", partnerID))
    }
}
