import Fluent
import Foundation
import PartnerCore
import SQLKit

/// Reads orders. Partner-scoped reads always filter by the partner in SQL.
struct OrderRepository {
    let database: any Database

    func find(_ orderID: UUID, partnerID: UUID) async throws -> PartnerOrder? {
        try await OrderRows.page(where: ["o.id = \(bind: orderID)", "o.partner_id = \(bind: partnerID)"], limit: 1, on: database)
            .first?.order
    }

    /// One newest-first page of the orders of `partnerIDs` (every partner when nil).
    func list(partnerIDs: [UUID]?, dealersOnly: Bool, filter: OrderFilter, page: PageRequest) async throws -> Page<PartnerOrder> {
        var conditions: [SQLQueryString] = []
        if let partnerIDs {
            guard !partnerIDs.isEmpty else { return Page(rows: [], limit: page.limit) { $0.id } }
            conditions.append("o.partner_id IN (\(binds: partnerIDs))")
        }
        if dealersOnly { conditions.append("p.type = \(bind: PartnerType.dealer.rawValue)") }
        if let status = filter.status { conditions.append("o.status = \(bind: status.rawValue)") }
        if let from = filter.from { conditions.append("o.placed_at_ms >= \(bind: PartnerOrderRecord.millis(from))") }
        if let until = filter.until { conditions.append("o.placed_at_ms < \(bind: PartnerOrderRecord.millis(until))") }
        if let after = try page.position(TimePosition.self) {
            conditions.append(
                "(o.placed_at_ms < \(bind: after.millis) OR (o.placed_at_ms = \(bind: after.millis) AND o.id < \(bind: after.id)))")
        }
        let rows = try await OrderRows.page(where: conditions, limit: page.limit + 1, on: database)
        return Page(rows: rows, limit: page.limit) { TimePosition(millis: $0.millis, id: $0.order.id) }.map(\.order)
    }

    /// What the dashboard shows of the partner's orders, in one statement: how many are open, and
    /// the count and value of those placed since `date`, cancelled ones excluded (the CASTs give
    /// both databases' aggregates one integer type).
    func activity(partnerID: UUID, since date: Date) async throws -> (open: Int, recentCount: Int, recentRevenueMinor: Int64) {
        struct Row: Decodable {
            let open: Int64
            let n: Int64
            let revenue: Int64
        }
        let open = OrderStatus.allCases.filter(\.isOpen).map(\.rawValue)
        let row = try await database.sql().raw(
            """
            SELECT CAST(COUNT(*) AS BIGINT) AS n, CAST(COALESCE(SUM(total_minor), 0) AS BIGINT) AS revenue, \
            (SELECT CAST(COUNT(*) AS BIGINT) FROM partner_orders WHERE partner_id = \(bind: partnerID) AND status IN (\(binds: open))) AS open \
            FROM partner_orders WHERE partner_id = \(bind: partnerID) AND placed_at_ms >= \(bind: PartnerOrderRecord.millis(date)) \
            AND status <> \(bind: OrderStatus.cancelled.rawValue)
            """
        ).first(decoding: Row.self)
        return (Int(clamping: row?.open ?? 0), Int(clamping: row?.n ?? 0), row?.revenue ?? 0)
    }
}
