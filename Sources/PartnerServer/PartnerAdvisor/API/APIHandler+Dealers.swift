import Foundation
import PartnerAPI
import PartnerAdvisor
import PartnerCore

extension APIHandler {
    func dealerAIInsights(_ input: Operations.DealerAIInsights.Input) async throws -> Operations.DealerAIInsights.Output {
        let caller = try authenticate()
        try caller.authorize(.runPartnerAdvisor)
        var validator = FieldValidator()
        let dealerID = optionalUUID(input.query.dealerId, field: "dealerId", into: &validator)
        try validator.finish()
        let page = try await services.dealerRisk.ranked(
            scope: caller.scope, dealerID: dealerID, level: input.query.level.flatMap { InsightLevel(rawValue: $0.rawValue) },
            page: PageRequest(limit: input.query.limit, cursor: input.query.cursor))
        return .ok(.init(body: .json(.init(items: page.items.map(\.api), nextCursor: page.nextCursor))))
    }

    func dealerReorderSuggestion(_ input: Operations.DealerReorderSuggestion.Input) async throws
        -> Operations.DealerReorderSuggestion.Output
    {
        let caller = try authenticate()
        var validator = FieldValidator()
        let dealerID = optionalUUID(input.query.dealerId, field: "dealerId", into: &validator)
        let horizon = input.query.horizonDays ?? ReorderSuggestionService.defaultHorizon
        validator.check(ReorderSuggestionService.horizonRange.contains(horizon), "horizonDays", "must be between 1 and 180 days")
        try validator.finish()
        let dealer = try await suggestedDealer(dealerID, for: caller)
        let suggestions = try await services.reorders.suggest(for: dealer, horizonDays: horizon)
        return .ok(.init(body: .json(suggestions.api)))
    }

    /// The dealer named, or — for a user linked to exactly one dealer — that one; a dealer the
    /// caller may not see, or a partner of another type, is not found.
    private func suggestedDealer(_ dealerID: UUID?, for caller: Caller) async throws -> Partner {
        guard let dealerID else {
            var dealers: [Partner] = []
            for id in caller.scope.memberships.keys {
                if let partner = try await services.partners.find(id, scope: caller.scope), partner.type == .dealer {
                    dealers.append(partner)
                }
            }
            guard caller.role == .partner, dealers.count == 1, let only = dealers.first else {
                throw ValidationFailure(field: "dealerId", message: "is required unless you belong to exactly one dealer")
            }
            try caller.authorize(.runPartnerAdvisor, on: only.subject)
            return only
        }
        guard let partner = try await services.partners.find(dealerID, scope: caller.scope), partner.type == .dealer else {
            throw DomainError.notFound("No dealer with this id.")
        }
        try caller.authorize(.runPartnerAdvisor, on: partner.subject)
        return partner
    }
}
