import Foundation
import PartnerAPI
import PartnerCore

extension APIHandler {
    func getPartnerLoyalty(_ input: Operations.GetPartnerLoyalty.Input) async throws -> Operations.GetPartnerLoyalty.Output {
        let caller = try authenticate()
        let partnerID = try await authorizedPartner(input.path.id, for: caller, to: .readLoyalty).id
        let page = try PageRequest(limit: input.query.limit, cursor: input.query.cursor)
        let summary = try await services.loyalty.summary(of: partnerID)
        let entries = try await services.loyalty.entries(of: partnerID, page: page)
        return .ok(
            .init(
                body: .json(
                    .init(
                        partnerId: partnerID.apiString, balance: summary.ledger.balance, lifetimeEarned: summary.ledger.lifetimeEarned,
                        expiringSoon: summary.expiringSoon.map { .init(points: $0.remaining, expiresAt: $0.expiresAt ?? now) },
                        entries: entries.items.map(\.api), nextCursor: entries.nextCursor))))
    }

    func redeemPartnerLoyalty(_ input: Operations.RedeemPartnerLoyalty.Input) async throws -> Operations.RedeemPartnerLoyalty.Output {
        let caller = try authenticate()
        let partnerID = try await authorizedPartner(input.path.id, for: caller, to: .redeemPoints).id
        guard case .json(let body) = input.body else { throw APIError.badRequest("Send a JSON body.") }
        let replaySafe = try IdempotentRequest(
            caller: caller.userID, operation: "redeemPartnerLoyalty", key: input.headers.idempotencyKey,
            request: Replayed(path: [partnerID.apiString], body: body))
        let booking = try await services.loyalty.redeem(
            body.points, partnerID: partnerID, note: body.note, by: caller.userID, replaySafe: replaySafe, render: \.api)
        return .created(.init(body: .json(booking)))
    }

    func adjustPartnerLoyalty(_ input: Operations.AdjustPartnerLoyalty.Input) async throws -> Operations.AdjustPartnerLoyalty.Output {
        let caller = try authenticate()
        let partnerID = try await authorizedPartner(input.path.id, for: caller, to: .adjustPoints).id
        guard case .json(let body) = input.body else { throw APIError.badRequest("Send a JSON body.") }
        let replaySafe = try IdempotentRequest(
            caller: caller.userID, operation: "adjustPartnerLoyalty", key: input.headers.idempotencyKey,
            request: Replayed(path: [partnerID.apiString], body: body))
        let booking = try await services.loyalty.adjust(
            body.points, partnerID: partnerID, reason: body.reason, by: caller.userID, replaySafe: replaySafe, render: \.api)
        return .created(.init(body: .json(booking)))
    }
}
