import Fluent
import Foundation
import PartnerCore

/// Reads orders. Partner-scoped reads always filter by the partner in SQL.
struct OrderRepository {
    let database: any Database

    func find(_ orderID: UUID, partnerID: UUID) async throws -> PartnerOrder? {
        try await PartnerOrderRecord.query(on: database)
            .filter(\.$id == orderID).filter(\.$partner.$id == partnerID)
            .with(\.$items).with(\.$partner).first()?.value
    }

    func list(partnerIDs: [UUID]?, dealersOnly: Bool, filter: OrderFilter, page: PageRequest) async throws -> Page<PartnerOrder> {
        let query = PartnerOrderRecord.query(on: database).with(\.$items).with(\.$partner)
        if let partnerIDs {
            guard !partnerIDs.isEmpty else {
                return Page(rows: [], limit: page.limit) { TimePosition(millis: PartnerOrderRecord.millis($0.placedAt), id: $0.id) }
            }
            query.filter(\.$partner.$id ~~ partnerIDs)
        }
        if dealersOnly {
            query.join(PartnerRecord.self, on: \PartnerOrderRecord.$partner.$id == \PartnerRecord.$id)
                .filter(PartnerRecord.self, \.$type == .dealer)
        }
        if let status = filter.status { query.filter(\.$status == status) }
        if let from = filter.from { query.filter(\.$placedAtMillis >= PartnerOrderRecord.millis(from)) }
        if let until = filter.until { query.filter(\.$placedAtMillis < PartnerOrderRecord.millis(until)) }
        return try await query.newestFirst(by: \.$placedAtMillis, page: page).map { try $0.value }
    }

    func openCount(partnerID: UUID) async throws -> Int {
        try await PartnerOrderRecord.query(on: database).filter(\.$partner.$id == partnerID)
            .filter(\.$status ~~ OrderStatus.allCases.filter(\.isOpen)).count()
    }

    /// Count and value of the partner's orders placed since `date`, cancelled ones excluded.
    func totals(partnerID: UUID, since date: Date) async throws -> (count: Int, revenueMinor: Int64) {
        let query = PartnerOrderRecord.query(on: database).filter(\.$partner.$id == partnerID).filter(\.$status != .cancelled)
            .filter(\.$placedAtMillis >= PartnerOrderRecord.millis(date))
        return (try await query.copy().count(), try await query.copy().all(\.$totalMinor).reduce(0, +))
    }
}
