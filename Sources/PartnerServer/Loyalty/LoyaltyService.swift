import Fluent
import Foundation
import PartnerCore
import SQLKit

/// Books loyalty points. Redemptions and adjustments own their transaction; earning runs inside the
/// order's. Every write first locks the partner and writes off expired points, so balances checked
/// there are exact and spending never touches expired lots.
struct LoyaltyService {
    let database: any Database
    let writes: WriteSerializer
    let idempotency: IdempotencyStore
    let rules: LoyaltyRules
    let clock: AppClock

    /// The most points one request may move either way.
    static let maxPoints = 10_000_000

    struct Summary: Sendable {
        let ledger: LoyaltyLedger
        let expiringSoon: [LoyaltyLedger.Lot]
    }

    /// The balance as of `now`, expired points already deducted. A pure read: the write-offs are
    /// booked by the next write to the account (or the expiry sweep), so readers never queue
    /// behind writers or write themselves.
    func summary(of partnerID: UUID) async throws -> Summary {
        let now = clock.now
        let ledger = LoyaltyLedger(entries: try await Self.ledgerEntries(of: partnerID, on: database)).settled(at: now)
        return Summary(ledger: ledger, expiringSoon: ledger.expiringSoon(at: now, within: 30 * 86_400))
    }

    /// The partner's ledger as the rules read it, decoded straight from SQL: a long-standing
    /// partner has hundreds of entries, and model decoding cost more than the query.
    static func ledgerEntries(of partnerID: UUID, on db: any Database) async throws -> [LoyaltyLedger.Entry] {
        let query: SQLQueryString =
            """
            SELECT id AS "id", kind AS "kind", points AS "points", occurred_at AS "occurredAt", expires_at AS "expiresAt" \
            FROM partner_loyalty_ledger \
            WHERE partner_id = \(bind: partnerID) ORDER BY occurred_at_ms, id
            """
        return try await RowReader.all(query, on: db).map { row in
            LoyaltyLedger.Entry(
                id: try row.uuid("id"), kind: try row.value("kind", as: LoyaltyEntryKind.self), points: try row.int("points"),
                occurredAt: try row.date("occurredAt"), expiresAt: try row.optionalDate("expiresAt"))
        }
    }

    func entries(of partnerID: UUID, page: PageRequest) async throws -> Page<LoyaltyEntry> {
        try await LoyaltyEntryRecord.query(on: database).filter(\.$partner.$id == partnerID)
            .newestFirst(by: \.$occurredAtMillis, page: page).map { try $0.value }
    }

    /// Credits a delivered order (once per order) and any threshold bonuses it unlocks. Runs inside
    /// the caller's transaction.
    func earn(
        for order: PartnerOrderRecord, tierMultiplierMilli: Int, promotionMultiplierMilli: Int = 1_000, on db: any Database, at now: Date
    )
        async throws
    {
        let partnerID = order.$partner.id
        let points = rules.points(
            for: Money(minorUnits: order.totalMinor, currency: order.money), tierMultiplierMilli: tierMultiplierMilli,
            promotionMultiplierMilli: promotionMultiplierMilli)
        guard points > 0 else { return }
        try await db.lockPartner(partnerID)
        let ledger = try await settle(partnerID, at: now, on: db)
        let key = "earn:order:\(try order.requireID().apiString)"
        guard try await !exists(key, partnerID: partnerID, on: db) else { return }
        try await book(
            LoyaltyEntryRecord(
                partnerID: partnerID, kind: .earn, points: points, occurredAt: now, expiresAt: rules.expiry(of: now), key: key,
                reference: "order:\(order.number)"), on: db, at: now)
        let lifetime = ledger.lifetimeEarned + points
        try await bookBonuses(
            rules.bonusesCrossed(from: ledger.lifetimeEarned, to: lifetime), partnerID: partnerID, lifetime: lifetime, on: db, at: now)
    }

    /// Books each threshold bonus not booked yet (one key per threshold), announces it as
    /// `loyalty.bonus.awarded` and tells the partner. Returns how many were booked.
    @discardableResult
    func bookBonuses(_ reached: [(threshold: Int, bonus: Int)], partnerID: UUID, lifetime: Int, on db: any Database, at now: Date)
        async throws -> Int
    {
        var booked = 0
        for crossed in reached {
            let bonusKey = "bonus:lifetime:\(crossed.threshold)"
            guard try await !exists(bonusKey, partnerID: partnerID, on: db) else { continue }
            let entry = LoyaltyEntryRecord(
                partnerID: partnerID, kind: .bonus, points: crossed.bonus, occurredAt: now, expiresAt: rules.expiry(of: now), key: bonusKey,
                note: "Lifetime \(crossed.threshold) points reached")
            try await book(entry, on: db, at: now)
            try await EventOutbox.append(
                try LoyaltyEvents.bonusAwarded(entry, threshold: crossed.threshold, lifetimeEarned: lifetime), on: db, at: now)
            try await PartnerAlerts.raise(
                for: partnerID, kind: "loyalty_bonus_awarded", severity: .info, title: "\(crossed.bonus) bonus points awarded",
                message: "You have earned \(crossed.threshold) points in total.", link: "/api/v1/partners/\(partnerID.apiString)/loyalty",
                subject: ("loyalty_entry", try entry.requireID()), on: db, at: now)
            booked += 1
        }
        return booked
    }

    /// Spends points, oldest first, once per idempotent request; refuses to overdraw and, under the
    /// partner lock, to spend for a partner that is no longer active.
    func redeem<Response: Codable & Sendable>(
        _ points: Int, partnerID: UUID, note: String?, by userID: UUID, replaySafe request: IdempotentRequest,
        render: @escaping @Sendable (LoyaltyBooking) throws -> Response
    ) async throws -> Response {
        var validator = FieldValidator()
        validator.check((1...Self.maxPoints).contains(points), "points", "must be between 1 and \(Self.maxPoints)")
        let note = validator.optionalText(note, "note", maxLength: 500)
        try validator.finish()
        let now = clock.now
        return try await idempotency.perform(request) { db in
            _ = try await db.lockActivePartner(partnerID)
            let key = "redeem:\(userID.apiString):\(request.key)"
            return try render(try await redeem(points, partnerID: partnerID, key: key, note: note, by: userID, on: db, at: now))
        }
    }

    /// Corrects a balance either way, once per idempotent request; positive adjustments expire like
    /// earnings, negative ones may not take the balance below zero.
    func adjust<Response: Codable & Sendable>(
        _ points: Int, partnerID: UUID, reason: String, by userID: UUID, replaySafe request: IdempotentRequest,
        render: @escaping @Sendable (LoyaltyBooking) throws -> Response
    ) async throws -> Response {
        var validator = FieldValidator()
        validator.check(
            points != 0 && (-Self.maxPoints...Self.maxPoints).contains(points), "points",
            "must be a non-zero number of points up to \(Self.maxPoints)")
        let reason = validator.requiredText(reason, "reason", maxLength: 500, minLength: 3) ?? ""
        try validator.finish()
        let now = clock.now
        return try await idempotency.perform(request) { db in
            let key = "adjust:\(userID.apiString):\(request.key)"
            return try render(try await adjust(points, partnerID: partnerID, key: key, reason: reason, by: userID, on: db, at: now))
        }
    }

    private func redeem(_ points: Int, partnerID: UUID, key: String, note: String?, by userID: UUID, on db: any Database, at now: Date)
        async throws -> LoyaltyBooking
    {
        let ledger = try await settle(partnerID, at: now, on: db)
        guard points <= ledger.balance else {
            throw ValidationFailure(field: "points", message: "exceeds the balance of \(ledger.balance) points")
        }
        let entry = LoyaltyEntryRecord(
            partnerID: partnerID, kind: .redeem, points: -points, occurredAt: now, expiresAt: nil, key: key, note: note, createdBy: userID)
        try await book(entry, on: db, at: now)
        return LoyaltyBooking(entry: try entry.value, balance: ledger.balance - points)
    }

    private func adjust(_ points: Int, partnerID: UUID, key: String, reason: String, by userID: UUID, on db: any Database, at now: Date)
        async throws -> LoyaltyBooking
    {
        try await db.lockPartner(partnerID)
        let ledger = try await settle(partnerID, at: now, on: db)
        guard ledger.balance + points >= 0 else {
            throw ValidationFailure(field: "points", message: "would take the balance of \(ledger.balance) points below zero")
        }
        let entry = LoyaltyEntryRecord(
            partnerID: partnerID, kind: .adjust, points: points, occurredAt: now, expiresAt: points > 0 ? rules.expiry(of: now) : nil,
            key: key, note: reason, createdBy: userID)
        try await book(entry, on: db, at: now)
        return LoyaltyBooking(entry: try entry.value, balance: ledger.balance + points)
    }

    /// Writes off lots that expired by `now` (each once), dated at their expiry so the history reads
    /// in order, announces them as one `loyalty.points.expired` and tells the partner. Returns the
    /// settled ledger. Inside the caller's transaction, after the partner's lock.
    func settle(_ partnerID: UUID, at now: Date, on db: any Database) async throws -> LoyaltyLedger {
        var entries = try await Self.ledgerEntries(of: partnerID, on: db)
        let ledger = LoyaltyLedger(entries: entries)
        let due = ledger.dueExpiries(at: now)
        guard !due.isEmpty else { return ledger }
        var expired: [(lot: LoyaltyLedger.Lot, entry: LoyaltyEntryRecord)] = []
        for lot in due {
            let expiry = LoyaltyEntryRecord(
                partnerID: partnerID, kind: .expire, points: -lot.remaining, occurredAt: lot.expiresAt ?? now, expiresAt: nil,
                key: "expire:\(lot.entryID.apiString)", note: "Points expired")
            try await book(expiry, on: db, at: now)
            entries.append(expiry.entry)
            expired.append((lot, expiry))
        }
        let settled = LoyaltyLedger(entries: entries)
        let event = try LoyaltyEvents.pointsExpired(expired, partnerID: partnerID, balance: settled.balance)
        try await EventOutbox.append(event.event, on: db, at: now)
        try await PartnerAlerts.raise(
            for: partnerID, kind: "loyalty_points_expired", severity: .info, title: "\(event.points) loyalty points expired",
            message: "Your balance is now \(settled.balance) points.", link: "/api/v1/partners/\(partnerID.apiString)/loyalty",
            subject: nil, on: db, at: now)
        return settled
    }

    /// Writes an entry and announces it in the same transaction.
    private func book(_ entry: LoyaltyEntryRecord, on db: any Database, at now: Date) async throws {
        try await entry.create(on: db)
        try await EventOutbox.append(LoyaltyEvents.booked(entry), on: db, at: now)
    }

    private func exists(_ key: String, partnerID: UUID, on db: any Database) async throws -> Bool {
        try await LoyaltyEntryRecord.query(on: db).filter(\.$partner.$id == partnerID).filter(\.$idempotencyKey == key).count() > 0
    }
}
