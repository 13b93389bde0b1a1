import Fluent
import Foundation
import PartnerCore
import SQLKit

/// Keeps `PartnerPerformance` rows in step with orders and loyalty, and reads them back as series.
struct PerformanceService {
    let database: any Database
    let clock: AppClock

    /// Recomputes one partner-month from its orders and loyalty entries, inside the caller's
    /// transaction (which must hold the partner lock on PostgreSQL, see `lockPartner`).
    func refresh(_ partnerID: UUID, month: Month, on db: any Database, at now: Date) async throws {
        struct Totals: Decodable {
            let revenue: Int64
            let orders: Int64
            let currency: String?
            let loyalty: Int64
        }
        let from = PartnerOrderRecord.millis(month.start)
        let until = PartnerOrderRecord.millis(month.next.start)
        let sql = try db.sql()
        // Summed in SQL with CASTs: PostgreSQL's SUM(bigint) is numeric, which the drivers do not
        // decode as Int64.
        let totals = try await sql.raw(
            """
            SELECT CAST(COALESCE(SUM(total_minor), 0) AS BIGINT) AS revenue, CAST(COUNT(*) AS BIGINT) AS orders, MIN(currency) AS currency, \
            (SELECT CAST(COALESCE(SUM(points), 0) AS BIGINT) FROM partner_loyalty_ledger WHERE partner_id = \(bind: partnerID) \
            AND occurred_at_ms >= \(bind: from) AND occurred_at_ms < \(bind: until) \
            AND kind IN (\(binds: [LoyaltyEntryKind.earn.rawValue, LoyaltyEntryKind.bonus.rawValue]))) AS loyalty \
            FROM partner_orders WHERE partner_id = \(bind: partnerID) AND placed_at_ms >= \(bind: from) AND placed_at_ms < \(bind: until) \
            AND status <> \(bind: OrderStatus.cancelled.rawValue)
            """
        ).first(decoding: Totals.self)
        // One upsert on the (partner, month) key instead of reading the row and saving it.
        try await sql.insert(into: PartnerPerformanceRecord.schema)
            .columns("id", "partner_id", "month", "currency", "revenue_minor", "orders", "loyalty_earned", "updated_at")
            .values(
                UUID(), partnerID, month.description, totals?.currency ?? Currency.eur.code, totals?.revenue ?? 0,
                Int(clamping: totals?.orders ?? 0), Int(clamping: totals?.loyalty ?? 0), now
            )
            .onConflict(with: ["partner_id", "month"]) { conflict in
                conflict.set(excludedValueOf: "currency").set(excludedValueOf: "revenue_minor").set(excludedValueOf: "orders")
                    .set(excludedValueOf: "loyalty_earned").set(excludedValueOf: "updated_at")
            }
            .run()
    }

    /// The months `from`…`to` with zero rows filled in, plus the twelve months before `from` for
    /// year-over-year growth. `contracts` are the partner's, when the caller has read them already.
    func series(of partner: Partner, from: Month, to: Month, contracts: [Contract]? = nil) async throws -> [MonthlyPerformance] {
        let partnerID = partner.id
        let first = from.adding(-12)
        let query: SQLQueryString =
            """
            SELECT month AS "month", currency AS "currency", revenue_minor AS "revenueMinor", orders AS "orders", \
            loyalty_earned AS "loyaltyEarned" FROM partner_performance \
            WHERE partner_id = \(bind: partnerID) AND month >= \(bind: first.description) AND month <= \(bind: to.description)
            """
        let rows = try await RowReader.all(query, on: database)
        var totals: [Month: (revenue: Int64, orders: Int, loyalty: Int)] = [:]
        for row in rows {
            if let month = Month(try row.string("month")) {
                totals[month] = (try row.int64("revenueMinor"), try row.int("orders"), try row.int("loyaltyEarned"))
            }
        }
        let currency = try rows.first.flatMap { Currency(try $0.string("currency")) } ?? .eur
        return MonthlyPerformance.series(
            months: Month.range(from, to), totals: totals, currency: currency,
            monthlyTarget: try await monthlyTarget(for: partner, contracts: contracts))
    }

    /// Revenue over the twelve months before this month plus the month so far.
    func trailingRevenue(of partnerID: UUID) async throws -> Int64 {
        let current = Month(containing: clock.now)
        return try await PartnerPerformanceRecord.query(on: database).filter(\.$partner.$id == partnerID)
            .filter(\.$month > current.adding(-12).description).filter(\.$month <= current.description).all(\.$revenueMinor).reduce(0, +)
    }

    /// A twelfth of the annual revenue target of the partner's running contract; without one, a
    /// twelfth of the threshold of the tier above the partner's (or its own, at the top): the pace
    /// that keeps or wins a tier.
    private func monthlyTarget(for partner: Partner, contracts known: [Contract]?) async throws -> Int64? {
        let now = clock.now
        var contracts = known ?? []
        if known == nil {
            contracts = try await PartnerContractRecord.query(on: database).filter(\.$partner.$id == partner.id).all().map { try $0.value }
        }
        contracts.sort { $0.terms.startsOn > $1.terms.startsOn }
        if let committed = contracts.first(where: { $0.annualRevenueTarget != nil && $0.isRunning(at: now) }),
            let target = committed.annualRevenueTarget
        {
            return target.minorUnits / 12
        }
        let tiers = try await TierRow.all(on: database).map(\.definition).filter { $0.applies(to: partner.type) }
        let current = partner.tier?.definition
        let target = tiers.first { $0.rank > (current?.rank ?? Int.min) } ?? current
        guard let threshold = target?.minTrailingRevenue.minorUnits, threshold > 0 else { return nil }
        return threshold / 12
    }
}
