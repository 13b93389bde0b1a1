import Fluent
import Foundation
import PartnerCore
import SQLKit

/// Books stand loyalty points inside the caller's transaction (after the stand's lock): the
/// package rate on each sale, streak bonuses for days without a stock-out, sales milestones.
/// Every entry has a key unique per stand, so nothing is booked twice.
struct StandLoyaltyService {
    let database: any Database
    let rules: StandLoyaltyRules

    /// The stand's balance, lifetime earnings and one page of its ledger, newest first.
    func account(of standID: UUID, page: PageRequest) async throws -> ((balance: Int, lifetimeEarned: Int), Page<LoyaltyEntry>) {
        let totals = try await Self.balance(of: standID, on: database)
        let entries = try await StandLoyaltyLedgerRecord.query(on: database).filter(\.$stand.$id == standID)
            .newestFirst(by: \.$occurredAtMillis, page: page).map { try $0.value }
        return (totals, entries)
    }

    /// Earns for `sale` (dated when it was sold, so a late upload counts in its own period) and books
    /// any bonus it unlocks; returns the points the sale itself earned.
    func earn(for sale: StandOrderRecord, package: StandPackage, joinedAt: Date, on db: any Database, at now: Date) async throws -> Int {
        let standID = sale.$stand.id
        let total = Money(minorUnits: sale.totalMinor, currency: sale.money)
        let points = rules.points(for: total, package: package)
        if points > 0 {
            try await book(
                StandLoyaltyLedgerRecord(
                    standID: standID, kind: .earn, points: points, occurredAt: sale.soldAt,
                    key: "earn:sale:\(try sale.requireID().apiString)",
                    reference: "sale:\(sale.number)"), on: db, at: now)
        }
        let lifetime = try await Self.lifetimeSales(of: standID, on: db)
        let before = Money(minorUnits: lifetime - sale.totalMinor, currency: total.currency)
        for milestone in rules.milestonesCrossed(from: before, to: Money(minorUnits: lifetime, currency: total.currency)) {
            try await book(
                StandLoyaltyLedgerRecord(
                    standID: standID, kind: .bonus, points: milestone.bonus, occurredAt: now, key: "bonus:sales:\(milestone.salesUnits)",
                    reference: nil, note: "Lifetime sales reached \(milestone.salesUnits) \(total.currency.code)"), on: db, at: now)
        }
        try await bookStreaks(of: standID, joinedAt: joinedAt, on: db, at: now)
        return points
    }

    /// One bonus per completed run of `streakDays` without a stock-out, keyed by the run's start
    /// so a later stock-out starts a fresh run instead of re-earning the old one.
    private func bookStreaks(of standID: UUID, joinedAt: Date, on db: any Database, at now: Date) async throws {
        let stockOuts = try await StandStockOutRecord.query(on: db).filter(\.$stand.$id == standID).all()
        guard !stockOuts.contains(where: { $0.endedAt == nil }) else { return }
        let start = stockOuts.compactMap(\.endedAt).reduce(joinedAt, max)
        let completed = rules.completedStreaks(since: start, asOf: now)
        guard completed > 0 else { return }
        let startKey = PartnerOrderRecord.millis(start)
        for ordinal in 1...completed {
            try await book(
                StandLoyaltyLedgerRecord(
                    standID: standID, kind: .bonus, points: rules.streakBonus, occurredAt: now, key: "bonus:streak:\(startKey):\(ordinal)",
                    reference: nil, note: "\(ordinal * rules.streakDays) days without a stock-out"), on: db, at: now)
        }
    }

    /// Writes the entry unless its key is already booked, and announces it.
    private func book(_ entry: StandLoyaltyLedgerRecord, on db: any Database, at now: Date) async throws {
        let exists = try await StandLoyaltyLedgerRecord.query(on: db).filter(\.$stand.$id == entry.$stand.id)
            .filter(\.$idempotencyKey == entry.idempotencyKey).count()
        guard exists == 0 else { return }
        try await entry.create(on: db)
        try await EventOutbox.append(StandEvents.pointsBooked(entry), on: db, at: now)
    }

    /// Sum of all the stand's sales in minor units. CAST keeps PostgreSQL's SUM(bigint) (numeric)
    /// and SQLite's answer the same type.
    static func lifetimeSales(of standID: UUID, on db: any Database) async throws -> Int64 {
        struct Row: Decodable { let total: Int64 }
        let row = try await db.sql().raw(
            "SELECT CAST(COALESCE(SUM(total_minor), 0) AS BIGINT) AS total FROM \(ident: StandOrderRecord.schema) WHERE stand_id = \(bind: standID)"
        ).first(decoding: Row.self)
        return row?.total ?? 0
    }

    /// Balance and lifetime earned, derived from the ledger.
    static func balance(of standID: UUID, on db: any Database) async throws -> (balance: Int, lifetimeEarned: Int) {
        let points = try await StandLoyaltyLedgerRecord.query(on: db).filter(\.$stand.$id == standID).all(\.$points)
        return (points.reduce(0, +), points.filter { $0 > 0 }.reduce(0, +))
    }
}
