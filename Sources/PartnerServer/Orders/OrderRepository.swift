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

    func openCount(partnerID: UUID) async throws -> Int {
        let open = OrderStatus.allCases.filter(\.isOpen).map(\.rawValue)
        let count = try await database.sql().raw(
            "SELECT CAST(COUNT(*) AS BIGINT) AS n FROM partner_orders WHERE partner_id = \(bind: partnerID) AND status IN (\(binds: open))"
        ).first(decodingColumn: "n", as: Int64.self)
        return Int(clamping: count ?? 0)
    }

    /// Count and value of the partner's orders placed since `date`, cancelled ones excluded, summed
    /// in SQL (the CASTs give both databases' aggregates one integer type).
    func totals(partnerID: UUID, since date: Date) async throws -> (count: Int, revenueMinor: Int64) {
        struct Row: Decodable {
            let n: Int64
            let revenue: Int64
        }
        let row = try await database.sql().raw(
            """
            SELECT CAST(COUNT(*) AS BIGINT) AS n, CAST(COALESCE(SUM(total_minor), 0) AS BIGINT) AS revenue FROM partner_orders \
            WHERE partner_id = \(bind: partnerID) AND placed_at_ms >= \(bind: PartnerOrderRecord.millis(date)) \
            AND status <> \(bind: OrderStatus.cancelled.rawValue)
            """
        ).first(decoding: Row.self)
        return (Int(clamping: row?.n ?? 0), row?.revenue ?? 0)
    }
}
