import Foundation
import PartnerAPI
import PartnerCore

extension APIHandler {
    func listPromotions(_ input: Operations.ListPromotions.Input) async throws -> Operations.ListPromotions.Output {
        let caller = try authenticate()
        try caller.authorize(.managePromotions)
        let page = try await services.promotions.list(
            status: input.query.status.map(PromotionStatus.init), page: PageRequest(limit: input.query.limit, cursor: input.query.cursor))
        return .ok(.init(body: .json(.init(items: page.items.map(\.api), nextCursor: page.nextCursor))))
    }

    func createPromotion(_ input: Operations.CreatePromotion.Input) async throws -> Operations.CreatePromotion.Output {
        let caller = try authenticate()
        try caller.authorize(.managePromotions)
        guard case .json(let body) = input.body else { throw APIError.badRequest("Send a JSON body.") }
        let draft = try PromotionDraft.validated(.init(body))
        return .created(.init(body: .json(try await services.promotions.create(draft, by: caller.userID).api)))
    }

    func changePromotionStatus(_ input: Operations.ChangePromotionStatus.Input) async throws -> Operations.ChangePromotionStatus.Output {
        let caller = try authenticate()
        try caller.authorize(.managePromotions)
        let id = try uuid(input.path.promotionId, name: "promotionId")
        guard try await services.promotions.find(id) != nil else { throw DomainError.notFound("No promotion with this id.") }
        guard case .json(let body) = input.body else { throw APIError.badRequest("Send a JSON body.") }
        return .ok(.init(body: .json(try await services.promotions.move(id, to: PromotionStatus(body.status)).api)))
    }

    func listPartnerPromotions(_ input: Operations.ListPartnerPromotions.Input) async throws -> Operations.ListPartnerPromotions.Output {
        let caller = try authenticate()
        let partner = try await authorizedPartner(input.path.id, for: caller, to: .readPartner)
        // Partner users see what a promotion gives them, never which other partners it targets.
        let showsAudience = caller.may(.managePromotions)
        let items = try await services.promotions.current(for: partner).map { promotion in
            var item = promotion.api
            if !showsAudience { item.audience = .init() }
            return item
        }
        return .ok(.init(body: .json(.init(items: items))))
    }
}
