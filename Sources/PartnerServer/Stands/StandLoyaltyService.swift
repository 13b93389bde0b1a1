import Fluent
import Foundation
import PartnerCore
import SQLKit

/// Books stand loyalty points inside the caller's transaction (after the stand's lock): the
/// package rate on each sale, streak bonuses for days without a stock-out, sales milestones.
/// Every entry has a key unique per stand, so nothing is booked twice.
struct StandLoyaltyService {
    let database: any Database
    let writes: WriteSerializer
    let rules: StandLoyaltyRules

    /// The stand's balance, lifetime earnings and one page of its ledger, newest first.
    func account(of standID: UUID, page: PageRequest) async throws -> ((balance: Int, lifetimeEarned: Int), Page<LoyaltyEntry>) {
        let totals = try await Self.balance(of: standID, on: database)
        let entries = try await StandLoyaltyLedgerRecord.query(on: database).filter(\.$stand.$id == standID)
            .newestFirst(by: \.$occurredAtMillis, page: page).map { try $0.value }
        return (totals, entries)
    }

    /// Earns for `sale` (dated when it was sold, so a late upload counts in its own period), moves
    /// the stand's lifetime total on from `lifetimeBefore`, and books the milestone and streak
    /// bonuses this unlocks — a handful of statements, whatever the stand's history. Returns the
    /// points the sale itself earned and the events of the booked entries, for the sale to append
    /// with its own in one statement. Runs inside the sale's transaction, after the stand's lock.
    func earn(
        for sale: StandOrderRecord, package: StandPackage, joinedAt: Date, lifetimeBefore: Int64, on db: any Database, at now: Date
    ) async throws -> (points: Int, events: [DomainEvent]) {
        let standID = sale.$stand.id
        let saleID = try sale.requireID()
        let total = Money(minorUnits: sale.totalMinor, currency: sale.money)
        let points = rules.points(for: total, package: package)
        var entries: [StandLoyaltyLedgerRecord] = []
        if points > 0 {
            // The key names this new sale, so it cannot be booked yet.
            entries.append(
                StandLoyaltyLedgerRecord(
                    standID: standID, kind: .earn, points: points, occurredAt: sale.soldAt, key: "earn:sale:\(saleID.apiString)",
                    reference: "sale:\(sale.number)"))
        }
        let lifetime = try Checked.add(lifetimeBefore, sale.totalMinor, field: "items")
        let sql = try db.sql()
        try await sql.raw("UPDATE stand_partners SET lifetime_sales_minor = \(bind: lifetime) WHERE id = \(bind: standID)").run()
        var bonuses = rules.milestonesCrossed(
            from: Money(minorUnits: lifetimeBefore, currency: total.currency), to: Money(minorUnits: lifetime, currency: total.currency)
        ).map { milestone in
            StandLoyaltyLedgerRecord(
                standID: standID, kind: .bonus, points: milestone.bonus, occurredAt: now, key: "bonus:sales:\(milestone.salesUnits)",
                reference: nil, note: "Lifetime sales reached \(milestone.salesUnits) \(total.currency.code)")
        }
        bonuses += try await streakBonuses(of: standID, joinedAt: joinedAt, on: db, at: now)
        entries += try await unbooked(bonuses, of: standID, on: sql)
        return (points, try await book(entries, on: db, at: now))
    }

    /// Books the streak bonuses the stand has completed and not yet booked — what a sale does as it
    /// goes, for the daily automation to do for stands without a sale. Inside the caller's
    /// transaction, after the stand's lock; returns how many were booked.
    func bookStreakBonuses(of standID: UUID, joinedAt: Date, on db: any Database, at now: Date) async throws -> Int {
        let sql = try db.sql()
        let fresh = try await unbooked(try await streakBonuses(of: standID, joinedAt: joinedAt, on: db, at: now), of: standID, on: sql)
        try await EventOutbox.append(try await book(fresh, on: db, at: now), on: db, at: now)
        return fresh.count
    }

    private func unbooked(_ bonuses: [StandLoyaltyLedgerRecord], of standID: UUID, on sql: any SQLDatabase) async throws
        -> [StandLoyaltyLedgerRecord]
    {
        guard !bonuses.isEmpty else { return [] }
        let booked = Set(
            try await sql.select().column("idempotency_key").from(StandLoyaltyLedgerRecord.schema)
                .where("stand_id", .equal, standID).where("idempotency_key", .in, bonuses.map(\.idempotencyKey))
                .all(decodingColumn: "idempotency_key", as: String.self))
        return bonuses.filter { !booked.contains($0.idempotencyKey) }
    }

    /// One bonus per completed run of `streakDays` without a stock-out, keyed by the run's start
    /// so a later stock-out starts a fresh run instead of re-earning the old one.
    private func streakBonuses(of standID: UUID, joinedAt: Date, on db: any Database, at now: Date) async throws
        -> [StandLoyaltyLedgerRecord]
    {
        let row = try await RowReader.all(
            """
            SELECT COUNT(*) - COUNT(ended_at) AS "open", MAX(ended_at) AS "lastEnd" FROM stand_stockouts WHERE stand_id = \(bind: standID)
            """, on: db
        ).first
        guard let row, try row.int("open") == 0 else { return [] }
        let start = max(joinedAt, try row.optionalDate("lastEnd") ?? joinedAt)
        let completed = rules.completedStreaks(since: start, asOf: now)
        guard completed > 0 else { return [] }
        let startKey = PartnerOrderRecord.millis(start)
        return (1...completed).map { ordinal in
            StandLoyaltyLedgerRecord(
                standID: standID, kind: .bonus, points: rules.streakBonus, occurredAt: now,
                key: "\(Self.streakPrefix)\(startKey):\(ordinal)",
                reference: nil, note: "\(ordinal * rules.streakDays) days without a stock-out")
        }
    }

    static let streakPrefix = "bonus:streak:"

    /// Writes new entries in one statement and returns their events for the caller to append; a
    /// streak bonus is also announced as `stand.streak.bonus.awarded`, with an alert for the stand.
    private func book(_ entries: [StandLoyaltyLedgerRecord], on db: any Database, at now: Date) async throws -> [DomainEvent] {
        guard !entries.isEmpty else { return [] }
        for entry in entries { entry.id = UUID() }
        try await db.sql().insert(
            entries, into: StandLoyaltyLedgerRecord.schema,
            columns: ["id", "stand_id", "kind", "points", "occurred_at", "occurred_at_ms", "idempotency_key", "reference", "note"]
        ) {
            [
                $0.id, $0.$stand.id, $0.kind.rawValue, $0.points, $0.occurredAt, $0.occurredAtMillis, $0.idempotencyKey, $0.reference,
                $0.note,
            ]
        }
        var events = try entries.map { try StandEvents.pointsBooked($0) }
        for streak in entries where streak.idempotencyKey.hasPrefix(Self.streakPrefix) {
            events.append(try StandEvents.streakBonusAwarded(streak, note: streak.note ?? ""))
            try await PartnerAlerts.raise(
                for: streak.$stand.id, kind: "stand_streak_bonus", severity: .info, title: "\(streak.points) streak bonus points",
                message: "\(streak.note ?? "A streak without a stock-out") — well done.",
                link: "/api/v1/stand/\(streak.$stand.id.apiString)/loyalty", subject: ("stand_loyalty_entry", try streak.requireID()),
                on: db, at: now)
        }
        return events
    }

    /// Balance and lifetime earned, derived from the ledger.
    static func balance(of standID: UUID, on db: any Database) async throws -> (balance: Int, lifetimeEarned: Int) {
        let points = try await StandLoyaltyLedgerRecord.query(on: db).filter(\.$stand.$id == standID).all(\.$points)
        return (points.reduce(0, +), points.filter { $0 > 0 }.reduce(0, +))
    }
}
