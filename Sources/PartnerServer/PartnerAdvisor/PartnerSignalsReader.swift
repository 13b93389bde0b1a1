import Fluent
import Foundation
import PartnerAdvisor
import PartnerCore
import SQLKit

/// Gathers what the Partner Advisor reads about one partner, through the services that own each
/// part (performance, contracts, loyalty, compliance, tiers) and one query of its order days.
struct PartnerSignalsReader {
    /// Months of revenue the advisor looks at: two years, for year-on-year growth.
    static let months = 24

    let database: any Database
    let performance: PerformanceService
    let contracts: ContractService
    let compliance: ComplianceService
    let tiers: TierService

    func signals(of partner: Partner, now: Date) async throws -> PartnerSignals {
        let lastMonth = Month(containing: now).adding(-1)
        let series = try await performance.series(of: partner, from: lastMonth.adding(-(Self.months - 1)), to: lastMonth)
        let currency = series.first?.revenue.currency ?? .eur
        let scale = pow(10, Double(currency.minorUnitDigits))
        // No months before the partner's first month of trade: a new partner's empty past is not a rise.
        let traded = series.drop { $0.revenue.minorUnits == 0 && $0.orders == 0 }
        let orders = try await orderDays(of: partner.id, since: now.addingTimeInterval(-Double(Self.months) * 30.5 * 86_400))
        let yearAgo = now.addingTimeInterval(-365 * 86_400)
        let lastYear = orders.filter { $0.placedAt >= yearAgo }
        let definitions = try await tiers.all().map(\.definition).filter { $0.applies(to: partner.type) }.sorted { $0.rank < $1.rank }
        let current = partner.tier?.definition
        return PartnerSignals(
            name: partner.profile.displayName ?? partner.companyName, type: partner.type,
            monthlyRevenue: traded.map { Double($0.revenue.minorUnits) / scale },
            orderDates: orders.filter { $0.status != .cancelled }.map(\.placedAt), ordersLastYear: lastYear.count,
            cancelledLastYear: lastYear.filter { $0.status == .cancelled }.count,
            contract: contract(try await contracts.contracts(of: partner.id), at: now),
            loyalty: try await loyalty(of: partner.id, now: now),
            targetAttainment: series.suffix(3).compactMap(\.targetAttainment),
            compliance: try await compliance.summary(of: partner), currentTier: current,
            nextTier: definitions.first { $0.rank > (current?.rank ?? Int.min) },
            trailingRevenue: Double(try await performance.trailingRevenue(of: partner.id)) / scale, currency: currency, now: now)
    }

    /// The running contract, else the latest one, as of `now`.
    private func contract(_ contracts: [Contract], at now: Date) -> PartnerSignals.ContractState? {
        guard let contract = contracts.first(where: { $0.isRunning(at: now) }) ?? contracts.first else { return nil }
        return .init(status: contract.terms.status(at: now), daysToRenewal: max(0, contract.terms.daysToRenewal(at: now)))
    }

    private func loyalty(of partnerID: UUID, now: Date) async throws -> PartnerSignals.Loyalty {
        let entries = try await LoyaltyService.ledgerEntries(of: partnerID, on: database)
        let ledger = LoyaltyLedger(entries: entries).settled(at: now)
        let yearAgo = now.addingTimeInterval(-365 * 86_400)
        var earned = 0
        var redeemed = 0
        // Saturating sums: a ledger is bounded per entry, but a sum must never trap.
        func adding(_ total: Int, _ points: Int) -> Int {
            let (sum, overflow) = total.addingReportingOverflow(points)
            return overflow ? Int.max : sum
        }
        for entry in entries where entry.occurredAt >= yearAgo {
            switch entry.kind {
            case .earn, .bonus: earned = adding(earned, max(0, entry.points))
            case .redeem: redeemed = adding(redeemed, Int(clamping: entry.points.magnitude))
            case .expire, .adjust: break
            }
        }
        return .init(
            earned: earned, redeemed: redeemed, balance: ledger.balance,
            expiringSoon: ledger.expiringSoon(at: now, within: 30 * 86_400).reduce(0) { $0 + $1.remaining })
    }

    private struct OrderDay: Decodable {
        let placedAtMs: Int64
        let status: OrderStatus
        var placedAt: Date { Date(timeIntervalSince1970: Double(placedAtMs) / 1000) }
    }

    private func orderDays(of partnerID: UUID, since: Date) async throws -> [OrderDay] {
        try await database.sql().raw(
            """
            SELECT placed_at_ms AS "placedAtMs", status AS "status" FROM \(ident: PartnerOrderRecord.schema)
            WHERE partner_id = \(bind: partnerID) AND placed_at_ms >= \(bind: PartnerOrderRecord.millis(since))
            """
        ).all(decoding: OrderDay.self)
    }
}
