import Foundation
import PartnerAPI
import PartnerAdvisor
import PartnerCore

extension APIHandler {
    func partnerAIInsights(_ input: Operations.PartnerAIInsights.Input) async throws -> Operations.PartnerAIInsights.Output {
        let caller = try authenticate()
        guard case .json(let body) = input.body else { throw APIError.badRequest("Send a JSON body.") }
        let partner = try await advisedPartner(body.partnerId, for: caller, field: "partnerId")
        let kinds = (body.kinds ?? []).compactMap { PartnerInsightKind(rawValue: $0.rawValue) }
        let stored = try await services.advisor.generate(for: partner, kinds: kinds, by: caller.userID)
        return .ok(.init(body: .json(.init(items: stored.map(\.api)))))
    }

    func listPartnerInsights(_ input: Operations.ListPartnerInsights.Input) async throws -> Operations.ListPartnerInsights.Output {
        let caller = try authenticate()
        let partner = try await authorizedPartner(input.path.id, for: caller, to: .runPartnerAdvisor)
        let page = try await services.advisor.insights(
            of: partner.id, kind: input.query.kind.flatMap { PartnerInsightKind(rawValue: $0.rawValue) },
            page: PageRequest(limit: input.query.limit, cursor: input.query.cursor))
        return .ok(.init(body: .json(.init(items: page.items.map(\.api), nextCursor: page.nextCursor))))
    }

    /// The partner a body names, if the caller may run the advisor on it: a malformed id is a 422
    /// naming the field, another partner's (or a missing) one the same 404.
    func advisedPartner(_ rawID: String, for caller: Caller, field: String) async throws -> Partner {
        guard let id = UUID(uuidString: rawID) else { throw ValidationFailure(field: field, message: "must be a UUID") }
        guard let partner = try await services.partners.find(id, scope: caller.scope) else { throw DomainError.partnerNotFound }
        try caller.authorize(.runPartnerAdvisor, on: partner.subject)
        return partner
    }
}
