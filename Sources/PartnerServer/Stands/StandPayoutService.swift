import Fluent
import Foundation
import PartnerCore
import SQLKit

/// Monthly stand commission: the package rate on the month's sales. Closing a month books one
/// payout per stand (unique per stand and month) and emits `payout.due`; the events issue's
/// scheduler calls `close` when a month ends, HQ can call it by hand.
struct StandPayoutService {
    let writes: WriteSerializer
    let database: any Database

    struct Accrual {
        let salesMinor: Int64
        let currency: Currency
    }

    /// Sales per stand (and currency) in `month`.
    func sales(in month: Month, standID: UUID? = nil, on db: (any Database)? = nil) async throws -> [UUID: Accrual] {
        struct Row: Decodable {
            let standId: UUID
            let currency: String
            let total: Int64
        }
        let start = PartnerOrderRecord.millis(month.start)
        let end = PartnerOrderRecord.millis(month.next.start)
        let filter: SQLQueryString = standID.map { "AND stand_id = \(bind: $0)" } ?? ""
        let rows = try await (db ?? database).sql().raw(
            """
            SELECT stand_id AS "standId", currency, CAST(COALESCE(SUM(total_minor), 0) AS BIGINT) AS total
            FROM \(ident: StandOrderRecord.schema)
            WHERE sold_at_ms >= \(bind: start) AND sold_at_ms < \(bind: end) \(filter)
            GROUP BY stand_id, currency
            """
        ).all(decoding: Row.self)
        var result: [UUID: Accrual] = [:]
        // A stand sells in one currency; should a second appear, the larger one is paid here.
        for row in rows where (result[row.standId]?.salesMinor ?? -1) < row.total {
            result[row.standId] = Accrual(salesMinor: row.total, currency: Currency(row.currency) ?? .eur)
        }
        return result
    }

    func payouts(of standID: UUID) async throws -> [StandPayoutRecord] {
        try await StandPayoutRecord.query(on: database).filter(\.$stand.$id == standID).sort(\.$period, .descending).all()
    }

    /// Books every stand's payout for a finished month; a month already closed books nothing.
    func close(_ month: Month, at now: Date = Date()) async throws -> (count: Int, totalMinor: Int64) {
        try await writes.transaction(on: database) { db in
            let stands = try await StandPartnerRecord.query(on: db).all()
            let accruals = try await sales(in: month, on: db)
            let closed = Set(try await StandPayoutRecord.query(on: db).filter(\.$period == month.description).all(\.$stand.$id))
            var count = 0
            var total: Int64 = 0
            for stand in stands {
                let standID = try stand.requireID()
                guard !closed.contains(standID), let accrual = accruals[standID] else { continue }
                let payout = StandPayout(
                    sales: Money(minorUnits: accrual.salesMinor, currency: accrual.currency),
                    commissionBasisPoints: stand.commissionBasisPoints)
                let record = StandPayoutRecord()
                record.$stand.id = standID
                record.period = month.description
                record.currency = accrual.currency.code
                record.salesMinor = accrual.salesMinor
                record.commissionBasisPoints = stand.commissionBasisPoints
                record.commissionMinor = payout.commission.minorUnits
                record.closedAt = now
                try await record.create(on: db)
                if record.commissionMinor > 0 { try await EventOutbox.append(StandEvents.payoutDue(record), on: db, at: now) }
                count += 1
                total += record.commissionMinor
            }
            return (count, total)
        }
    }
}
