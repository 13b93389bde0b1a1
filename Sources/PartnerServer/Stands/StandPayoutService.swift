import Fluent
import Foundation
import PartnerCore
import SQLKit

/// Monthly stand commission. Closing a month books one payout per enrolled stand — with no sales
/// too, so nothing later is skipped — paying every sale dated up to the month's end that no payout
/// has paid yet: the month's own sales, plus late sales from earlier closed months as a visible
/// adjustment. Each stand is closed in its own transaction after its partner lock (the lock a sale
/// takes first), so a sale is either in the payout or left for the next one, and concurrent closes
/// of one month book it once.
struct StandPayoutService {
    let writes: WriteSerializer
    let database: any Database
    let clock: AppClock

    /// The stand's closed payouts, newest first, with the running month on top.
    func statements(of standID: UUID) async throws -> [StandPayoutStatement] {
        let now = clock.now
        guard let stand = try await StandPartnerRecord.find(standID, on: database) else {
            throw DomainError.notFound("No stand with this id.")
        }
        let closed = try await StandPayoutRecord.query(on: database).filter(\.$stand.$id == standID).sort(\.$period, .descending).all()
        var statements = try closed.map { try Self.statement(of: $0) }
        let month = Month(containing: now)
        guard !closed.contains(where: { $0.period == month.description }) else { return statements }
        // Late sales wait for the next close when their own month is already closed.
        let lateBefore = closed.first.flatMap { Month($0.period) }.map { $0.next.start } ?? .distantPast
        let unpaid = try await unpaidSales(of: standID, before: month.next.start, on: database)
        let split = try Self.split(unpaid, at: month.start, lateBefore: min(lateBefore, month.start))
        let running = try StandPayout(sales: split.sales, adjustment: split.adjustment, commissionBasisPoints: stand.commissionBasisPoints)
        statements.insert(
            StandPayoutStatement(
                standID: standID, period: month, status: .accruing, payout: running, adjustmentSales: split.adjustmentCount,
                closedAt: nil), at: 0)
        return statements
    }

    /// Books `month` for every stand enrolled before it ended; a stand already closed books nothing.
    func close(_ month: Month) async throws -> StandPayoutClose {
        let now = clock.now
        guard month < Month(containing: now) else { throw ValidationFailure(field: "period", message: "must be a month that has ended") }
        let end = month.next.start
        // Stands enrolled by the month's end, and any stand with unpaid sales dated before it.
        var standIDs = Set(try await StandPartnerRecord.query(on: database).filter(\.$joinedAt < end).all(\.$id))
        standIDs.formUnion(
            try await StandOrderRecord.query(on: database).filter(\.$payoutID == nil)
                .filter(\.$soldAtMillis < PartnerOrderRecord.millis(end)).unique().all(\.$stand.$id))
        var booked = 0
        var total = Money(minorUnits: 0, currency: .eur)
        for standID in standIDs.sorted(by: { $0.uuidString < $1.uuidString }) {
            guard let payout = try await closeStand(standID, month: month, now: now) else { continue }
            booked += 1
            if payout.commission.currency == total.currency {
                total = Money(
                    minorUnits: try Checked.add(total.minorUnits, payout.commission.minorUnits, field: "totalCommission"),
                    currency: total.currency)
            }
        }
        return StandPayoutClose(period: month, booked: booked, totalCommission: total)
    }

    private func closeStand(_ standID: UUID, month: Month, now: Date) async throws -> StandPayout? {
        do {
            return try await writes.transaction(on: database) { db in
                try await db.lockPartner(standID)
                let existing = try await StandPayoutRecord.query(on: db).filter(\.$stand.$id == standID)
                    .filter(\.$period == month.description).count()
                guard existing == 0, let stand = try await StandPartnerRecord.find(standID, on: db) else { return nil }
                let unpaid = try await unpaidSales(of: standID, before: month.next.start, on: db)
                let split = try Self.split(unpaid, at: month.start, lateBefore: month.start)
                let payout = try StandPayout(
                    sales: split.sales, adjustment: split.adjustment, commissionBasisPoints: stand.commissionBasisPoints)
                let record = StandPayoutRecord()
                record.$stand.id = standID
                record.period = month.description
                record.currency = payout.sales.currency.code
                record.salesMinor = payout.sales.minorUnits
                record.adjustmentMinor = payout.adjustment.minorUnits
                record.adjustmentSales = split.adjustmentCount
                record.commissionBasisPoints = payout.commissionBasisPoints
                record.commissionMinor = payout.commission.minorUnits
                record.closedAt = now
                try await record.create(on: db)
                try await db.sql().update(StandOrderRecord.schema)
                    .set("payout_id", to: SQLBind(try record.requireID()))
                    .where("stand_id", .equal, SQLBind(standID))
                    .where("payout_id", .is, SQLLiteral.null)
                    .where("currency", .equal, SQLBind(record.currency))
                    .where("sold_at_ms", .lessThan, SQLBind(PartnerOrderRecord.millis(month.next.start)))
                    .run()
                if record.commissionMinor > 0 {
                    try await EventOutbox.append(StandEvents.payoutDue(record), on: db, at: now)
                    try await PartnerAlerts.raise(
                        for: standID, kind: "payout_due", severity: .info, title: "Your commission for \(month) is due",
                        message: "\(payout.commission.amount) \(payout.commission.currency.code) on \(payout.sales.amount) of sales.",
                        link: "/api/v1/stand/\(standID.apiString)/payouts", subject: ("stand_payout", try record.requireID()), on: db,
                        at: now)
                }
                return payout
            }
        } catch  where error.isConstraintViolation {
            // Another instance booked this stand's month between our check and insert.
            return nil
        }
    }

    /// Unpaid sales up to `end`, summed per UTC day: few rows, and any month boundary (always a
    /// UTC midnight) splits them exactly.
    private struct UnpaidDay: Decodable {
        let currency: String
        let dayMs: Int64
        let total: Int64
        let count: Int
    }

    private func unpaidSales(of standID: UUID, before end: Date, on db: any Database) async throws -> [UnpaidDay] {
        try await db.sql().raw(
            """
            SELECT currency, (sold_at_ms / 86400000) * 86400000 AS "dayMs",
                   CAST(SUM(total_minor) AS BIGINT) AS total, COUNT(*) AS count
            FROM \(ident: StandOrderRecord.schema)
            WHERE stand_id = \(bind: standID) AND payout_id IS NULL AND sold_at_ms < \(bind: PartnerOrderRecord.millis(end))
            GROUP BY currency, (sold_at_ms / 86400000) * 86400000
            """
        ).all(decoding: UnpaidDay.self)
    }

    /// Splits unpaid sales into the month's own (from `monthStart`) and the late ones (before
    /// `lateBefore`). A stand sells in one currency; should a second appear, the larger is paid and
    /// the other stays unpaid, visible, for HQ to settle.
    private static func split(_ days: [UnpaidDay], at monthStart: Date, lateBefore: Date) throws -> (
        sales: Money, adjustment: Money, adjustmentCount: Int
    ) {
        var byCurrency: [String: Int64] = [:]
        for day in days { byCurrency[day.currency] = try Checked.add(byCurrency[day.currency] ?? 0, day.total, field: "sales") }
        let code = byCurrency.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key ?? Currency.eur.code
        let currency = Currency(code) ?? .eur
        let start = PartnerOrderRecord.millis(monthStart)
        let late = PartnerOrderRecord.millis(lateBefore)
        var sales: Int64 = 0
        var adjustment: Int64 = 0
        var count = 0
        for day in days where day.currency == code {
            if day.dayMs >= start {
                sales = try Checked.add(sales, day.total, field: "sales")
            } else if day.dayMs < late {
                adjustment = try Checked.add(adjustment, day.total, field: "adjustment")
                count += day.count
            }
        }
        return (Money(minorUnits: sales, currency: currency), Money(minorUnits: adjustment, currency: currency), count)
    }

    static func statement(of record: StandPayoutRecord) throws -> StandPayoutStatement {
        let currency = Currency(record.currency) ?? .eur
        let payout = try StandPayout(
            sales: Money(minorUnits: record.salesMinor, currency: currency),
            adjustment: Money(minorUnits: record.adjustmentMinor, currency: currency),
            commissionBasisPoints: record.commissionBasisPoints)
        return StandPayoutStatement(
            standID: record.$stand.id, period: Month(record.period) ?? Month(containing: record.closedAt), status: .due, payout: payout,
            adjustmentSales: record.adjustmentSales, closedAt: record.closedAt)
    }
}
