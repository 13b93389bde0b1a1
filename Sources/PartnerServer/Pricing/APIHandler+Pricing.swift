import Foundation
import PartnerAPI
import PartnerCore

extension APIHandler {
    func getPartnerPricing(_ input: Operations.GetPartnerPricing.Input) async throws -> Operations.GetPartnerPricing.Output {
        let caller = try authenticate()
        let partner = try await authorizedPartner(input.path.id, for: caller, to: .readPricing)
        let list = try await services.pricing.priceList(for: partner)
        return .ok(.init(body: .json(list.api(showingFloors: caller.may(.readCosts)))))
    }

    func setPartnerPricing(_ input: Operations.SetPartnerPricing.Input) async throws -> Operations.SetPartnerPricing.Output {
        let caller = try authenticate()
        let partner = try await authorizedPartner(input.path.id, for: caller, to: .changePricing)
        guard case .json(let body) = input.body else { throw APIError.badRequest("Send a JSON body.") }
        let submission = PricingSubmission(
            tierCode: body.tierCode,
            overrides: (body.overrides ?? []).map {
                .init(
                    sku: $0.sku, unitPrice: $0.unitPrice.map { ($0.amount, $0.currency) }, discountPercent: $0.discountPercent,
                    validFrom: $0.validFrom, validTo: $0.validTo)
            }, reason: body.reason)
        let list = try await services.pricing.change(submission, for: partner, by: caller.userID)
        return .ok(.init(body: .json(list.api(showingFloors: caller.may(.readCosts)))))
    }

    func listPartnerPricingHistory(_ input: Operations.ListPartnerPricingHistory.Input) async throws
        -> Operations.ListPartnerPricingHistory.Output
    {
        let caller = try authenticate()
        let partner = try await authorizedPartner(input.path.id, for: caller, to: .readPricingHistory)
        let page = try await services.pricing.history(
            of: partner.id, page: PageRequest(limit: input.query.limit, cursor: input.query.cursor))
        return .ok(.init(body: .json(.init(items: page.items.map(\.api), nextCursor: page.nextCursor))))
    }
}
