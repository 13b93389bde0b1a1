import Foundation
import PartnerAPI
import PartnerCore

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
        return .ok(.init(body: .json(.init(partnerId: partner.id.apiString, items: series.map(Components.Schemas.PerformanceMonth.init)))))
    }

    func getPartnerDashboard(_ input: Operations.GetPartnerDashboard.Input) async throws -> Operations.GetPartnerDashboard.Output {
        let caller = try authenticate()
        let partner = try await authorizedPartner(input.path.id, for: caller, to: .readPerformance)
        return .ok(.init(body: .json(.init(try await services.overview.dashboard(of: partner)))))
    }

    func getPartnerTierReview(_ input: Operations.GetPartnerTierReview.Input) async throws -> Operations.GetPartnerTierReview.Output {
        let caller = try authenticate()
        let partner = try await authorizedPartner(input.path.id, for: caller, to: .readPerformance)
        let review = try await services.overview.tierReview(of: partner)
        return .ok(
            .init(
                body: .json(
                    .init(
                        partnerId: partner.id.apiString, trailingRevenue: .init(review.trailingRevenue), currentTier: review.currentCode,
                        suggestedTier: review.suggestedCode, action: .init(rawValue: review.action.rawValue) ?? .keep,
                        nextTier: review.nextCode, revenueToNextTier: review.revenueToNext.map(Components.Schemas.Money.init)))))
    }
}
