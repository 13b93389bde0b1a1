import Foundation
import PartnerAPI
import PartnerCore

extension APIHandler {
    func listTiers(_ input: Operations.ListTiers.Input) async throws -> Operations.ListTiers.Output {
        _ = try authenticate()
        return .ok(.init(body: .json(.init(items: try await services.tiers.all().map(\.api)))))
    }

    func createTier(_ input: Operations.CreateTier.Input) async throws -> Operations.CreateTier.Output {
        let caller = try authenticate()
        try caller.authorize(.manageTiers)
        guard case .json(let body) = input.body else { throw APIError.badRequest("Send a JSON body.") }
        let definition = try TierDefinition.validated(
            code: body.code, name: body.name, partnerTypes: body.partnerTypes.map(PartnerType.init), rank: body.rank,
            baseDiscountPercent: body.baseDiscountPercent, loyaltyMultiplier: body.loyaltyMultiplier,
            minTrailingRevenue: (body.minTrailingRevenue.amount, body.minTrailingRevenue.currency))
        return .created(.init(body: .json(try await services.tiers.create(definition).api)))
    }
}
