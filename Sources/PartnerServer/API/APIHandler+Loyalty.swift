import Foundation
import PartnerAPI
import PartnerCore
import Vapor

extension APIHandler {
    func getPartnerLoyalty(_ input: Operations.GetPartnerLoyalty.Input) async throws -> Operations.GetPartnerLoyalty.Output {
        let caller = try authenticate()
        let partnerID = try await authorizedPartner(input.path.id, for: caller, to: .readLoyalty).requireID()
        let page = try PageRequest(limit: input.query.limit, cursor: input.query.cursor)
        let summary = try await services.loyalty.summary(of: partnerID)
        let entries = try await services.loyalty.entries(of: partnerID, page: page)
        return .ok(
            .init(
                body: .json(
                    .init(
                        partnerId: partnerID.apiString, balance: summary.ledger.balance, lifetimeEarned: summary.ledger.lifetimeEarned,
                        expiringSoon: summary.expiringSoon.map { .init(points: $0.remaining, expiresAt: $0.expiresAt ?? now) },
                        entries: try entries.items.map { try $0.api }, nextCursor: entries.nextCursor))))
    }

    func redeemPartnerLoyalty(_ input: Operations.RedeemPartnerLoyalty.Input) async throws -> Operations.RedeemPartnerLoyalty.Output {
        let caller = try authenticate()
        let partnerID = try await authorizedPartner(input.path.id, for: caller, to: .redeemPoints).requireID()
        guard case .json(let body) = input.body else { throw APIError.badRequest("Send a JSON body.") }
        let replaySafe = try IdempotentRequest(
            caller: caller.userID, operation: "redeemPartnerLoyalty", key: input.headers.idempotencyKey,
            request: Replayed(path: [partnerID.apiString], body: body))
        var validator = FieldValidator()
        validator.check(body.points >= 1 && body.points <= 10_000_000, "points", "must be between 1 and 10000000")
        let note = validator.optionalText(body.note, "note", maxLength: 500)
        try validator.finish()
        let booking = try await services.loyalty.redeem(
            body.points, partnerID: partnerID, note: note, by: caller.userID, replaySafe: replaySafe, at: now
        ) { booked in
            Components.Schemas.LoyaltyBooking(entry: try booked.entry.api, balance: booked.balance)
        }
        return .created(.init(body: .json(booking)))
    }

    func adjustPartnerLoyalty(_ input: Operations.AdjustPartnerLoyalty.Input) async throws -> Operations.AdjustPartnerLoyalty.Output {
        let caller = try authenticate()
        let partnerID = try await authorizedPartner(input.path.id, for: caller, to: .adjustPoints).requireID()
        guard case .json(let body) = input.body else { throw APIError.badRequest("Send a JSON body.") }
        let replaySafe = try IdempotentRequest(
            caller: caller.userID, operation: "adjustPartnerLoyalty", key: input.headers.idempotencyKey,
            request: Replayed(path: [partnerID.apiString], body: body))
        var validator = FieldValidator()
        validator.check(
            body.points != 0 && (-10_000_000...10_000_000).contains(body.points), "points",
            "must be a non-zero number of points up to 10000000")
        let reason = validator.requiredText(body.reason, "reason", maxLength: 500, minLength: 3) ?? ""
        try validator.finish()
        let booking = try await services.loyalty.adjust(
            body.points, partnerID: partnerID, reason: reason, by: caller.userID, replaySafe: replaySafe, at: now
        ) { booked in
            Components.Schemas.LoyaltyBooking(entry: try booked.entry.api, balance: booked.balance)
        }
        return .created(.init(body: .json(booking)))
    }
}
