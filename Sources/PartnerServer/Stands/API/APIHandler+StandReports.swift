import Foundation
import PartnerAPI
import PartnerCore

extension APIHandler {
    func getStandPerformance(_ input: Operations.GetStandPerformance.Input) async throws -> Operations.GetStandPerformance.Output {
        let caller = try authenticate()
        let stand = try await authorizedStand(input.path.id, for: caller, to: .readStand)
        var validator = FieldValidator()
        let range = dayRange(from: input.query.from, to: input.query.to, into: &validator)
        try validator.finish()
        let through = range.until.map { $0.addingTimeInterval(-86_400) } ?? CalendarDay.startOfDay(now)
        let from = range.from ?? through.addingTimeInterval(-29 * 86_400)
        guard from <= through else { throw ValidationFailure(field: "from", message: "must not be after to") }
        guard through.timeIntervalSince(from) <= 3 * 366 * 86_400 else {
            throw ValidationFailure(field: "from", message: "the period may span at most three years")
        }
        let report = try await services.stands.performance.report(of: stand, from: from, through: through)
        return .ok(.init(body: .json(report.api(standID: stand.id))))
    }

    func getStandLoyalty(_ input: Operations.GetStandLoyalty.Input) async throws -> Operations.GetStandLoyalty.Output {
        let caller = try authenticate()
        let standID = try await authorizedStand(input.path.id, for: caller, to: .readStand).id
        let page = try PageRequest(limit: input.query.limit, cursor: input.query.cursor)
        let (totals, entries) = try await services.stands.loyalty.account(of: standID, page: page)
        return .ok(
            .init(
                body: .json(
                    .init(
                        standId: standID.apiString, balance: totals.balance, lifetimeEarned: totals.lifetimeEarned,
                        entries: entries.items.map(\.api), nextCursor: entries.nextCursor))))
    }

    func listStandPayouts(_ input: Operations.ListStandPayouts.Input) async throws -> Operations.ListStandPayouts.Output {
        let caller = try authenticate()
        let standID = try await authorizedStand(input.path.id, for: caller, to: .readStand).id
        let statements = try await services.stands.payouts.statements(of: standID)
        return .ok(.init(body: .json(.init(standId: standID.apiString, items: statements.map(\.api)))))
    }

    func closeStandPayouts(_ input: Operations.CloseStandPayouts.Input) async throws -> Operations.CloseStandPayouts.Output {
        let caller = try authenticate()
        try caller.authorize(.closePayouts)
        guard case .json(let body) = input.body else { throw APIError.badRequest("Send a JSON body.") }
        guard let month = Month(body.period) else { throw ValidationFailure(field: "period", message: "must be a month as YYYY-MM") }
        let closed = try await services.stands.payouts.close(month)
        return .ok(
            .init(
                body: .json(
                    .init(period: month.description, payouts: closed.booked, totalCommission: .init(closed.totalCommission)))))
    }
}
