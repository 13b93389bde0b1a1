import Foundation
import PartnerAPI
import PartnerCore
import Vapor

extension APIHandler {
    func getStandPerformance(_ input: Operations.GetStandPerformance.Input) async throws -> Operations.GetStandPerformance.Output {
        let caller = try await authenticate()
        let stand = try await visibleStand(input.path.id, for: caller)
        var validator = FieldValidator()
        let range = dayRange(from: input.query.from, to: input.query.to, into: &validator)
        try validator.finish()
        let through = range.until.map { $0.addingTimeInterval(-86_400) } ?? CalendarDay.startOfDay(Date())
        let from = range.from ?? through.addingTimeInterval(-29 * 86_400)
        guard from <= through else { throw ValidationFailure(field: "from", message: "must not be after to") }
        guard through.timeIntervalSince(from) <= 3 * 366 * 86_400 else {
            throw ValidationFailure(field: "from", message: "the period may span at most three years")
        }
        guard let partner = try await PartnerRecord.find(try stand.requireID(), on: stands.database) else {
            throw APIError.partnerNotFound()
        }
        let report = try await stands.performance.report(of: stand, region: partner.region, from: from, through: through)
        return .ok(.init(body: .json(try report.api(standID: try stand.requireID()))))
    }

    func getStandLoyalty(_ input: Operations.GetStandLoyalty.Input) async throws -> Operations.GetStandLoyalty.Output {
        let caller = try await authenticate()
        let standID = try await visibleStand(input.path.id, for: caller).requireID()
        let page = try PageRequest(limit: input.query.limit, cursor: input.query.cursor)
        let totals = try await StandLoyaltyService.balance(of: standID, on: stands.database)
        let entries = try await StandLoyaltyService.entries(of: standID, page: page, on: stands.database)
        return .ok(
            .init(
                body: .json(
                    .init(
                        standId: standID.apiString, balance: totals.balance, lifetimeEarned: totals.lifetimeEarned,
                        entries: try entries.items.map { try $0.api }, nextCursor: entries.nextCursor))))
    }

    func listStandPayouts(_ input: Operations.ListStandPayouts.Input) async throws -> Operations.ListStandPayouts.Output {
        let caller = try await authenticate()
        let stand = try await visibleStand(input.path.id, for: caller)
        let standID = try stand.requireID()
        var items = try await stands.payouts.payouts(of: standID).map(\.api)
        let month = Month(containing: Date())
        if !items.contains(where: { $0.period == month.description }) {
            let accrual = try await stands.payouts.sales(in: month, standID: standID)[standID]
            let sales = Money(minorUnits: accrual?.salesMinor ?? 0, currency: accrual?.currency ?? .eur)
            let payout = StandPayout(sales: sales, commissionBasisPoints: stand.commissionBasisPoints)
            items.insert(
                .init(
                    standId: standID.apiString, period: month.description, status: .accruing, sales: .init(sales),
                    commissionBasisPoints: payout.commissionBasisPoints, commission: .init(payout.commission)), at: 0)
        }
        return .ok(.init(body: .json(.init(standId: standID.apiString, items: items))))
    }

    func closeStandPayouts(_ input: Operations.CloseStandPayouts.Input) async throws -> Operations.CloseStandPayouts.Output {
        let caller = try await authenticate()
        try caller.require(.admin, .staff)
        guard case .json(let body) = input.body else { throw APIError.badRequest("Send a JSON body.") }
        guard let month = Month(body.period) else { throw ValidationFailure(field: "period", message: "must be a month as YYYY-MM") }
        guard month < Month(containing: Date()) else { throw ValidationFailure(field: "period", message: "must be a month that has ended") }
        let closed = try await stands.payouts.close(month)
        return .ok(
            .init(
                body: .json(
                    .init(
                        period: month.description, payouts: closed.count,
                        totalCommission: .init(Money(minorUnits: closed.totalMinor, currency: .eur))))))
    }

    func listPartnerAlerts(_ input: Operations.ListPartnerAlerts.Input) async throws -> Operations.ListPartnerAlerts.Output {
        let caller = try await authenticate()
        let partner = try await visiblePartner(input.path.id, for: caller)
        let page = try await PartnerAlerts.list(
            of: try partner.requireID(), page: PageRequest(limit: input.query.limit, cursor: input.query.cursor), on: stands.database)
        return .ok(.init(body: .json(.init(items: try page.items.map { try $0.api }, nextCursor: page.nextCursor))))
    }
}
