import Foundation
import PartnerAPI
import PartnerCore

extension APIHandler {
    func listGuardrails(_ input: Operations.ListGuardrails.Input) async throws -> Operations.ListGuardrails.Output {
        let caller = try authenticate()
        try caller.authorize(.readGuardrails)
        return .ok(.init(body: .json(.init(items: try await services.guardrails.all().map(\.api)))))
    }

    func upsertGuardrails(_ input: Operations.UpsertGuardrails.Input) async throws -> Operations.UpsertGuardrails.Output {
        let caller = try authenticate()
        try caller.authorize(.writeGuardrails)
        guard case .json(let body) = input.body else { throw APIError.badRequest("Send a JSON body.") }
        let submissions = body.items.map {
            GuardrailService.Submission(
                sku: $0.sku, floor: ($0.floorPrice.amount, $0.floorPrice.currency),
                ceiling: $0.ceilingPrice.map { ($0.amount, $0.currency) },
                maxDiscountPercent: $0.maxDiscountPercent, minMarginPercent: $0.minMarginPercent)
        }
        return .ok(.init(body: .json(.init(items: try await services.guardrails.upsert(submissions).map(\.api)))))
    }
}
