import Fluent
import Foundation
import PartnerCore
import SQLKit

/// What the loyalty automations ask of the ledger: book expiries and threshold bonuses that fell
/// due without a write to the account — through the same settle and bonus rules the writes use.
extension LoyaltyService {
    /// Partners with earned points whose expiry has passed and that are not written off yet.
    func partnersWithDueExpiries(at now: Date) async throws -> [UUID] {
        let candidates = try await database.sql().raw(
            """
            SELECT DISTINCT partner_id AS "partnerId" FROM partner_loyalty_ledger \
            WHERE points > 0 AND expires_at IS NOT NULL AND expires_at <= \(bind: now)
            """
        ).all(decoding: PartnerIDRow.self).map(\.partnerId)
        var due: [UUID] = []
        for partnerID in candidates.sorted(by: { $0.uuidString < $1.uuidString }) {
            let ledger = LoyaltyLedger(entries: try await Self.ledgerEntries(of: partnerID, on: database))
            if !ledger.dueExpiries(at: now).isEmpty { due.append(partnerID) }
        }
        return due
    }

    /// Writes off the partner's expired points (once each); returns how many expired.
    func expireDue(of partnerID: UUID, at now: Date) async throws -> Int {
        try await writes.transaction(on: database) { db in
            try await db.lockPartner(partnerID)
            let before = LoyaltyLedger(entries: try await Self.ledgerEntries(of: partnerID, on: db)).balance
            return before - (try await settle(partnerID, at: now, on: db)).balance
        }
    }

    /// Partners whose lifetime points reached more thresholds than they hold lifetime bonuses for.
    func partnersMissingBonuses() async throws -> [UUID] {
        struct Row: Decodable {
            let partnerId: UUID
            let lifetime: Int
            let bonuses: Int
        }
        let rows = try await database.sql().raw(
            """
            SELECT partner_id AS "partnerId", \
            CAST(SUM(CASE WHEN kind IN ('earn', 'bonus') OR (kind = 'adjust' AND points > 0) THEN points ELSE 0 END) AS BIGINT) AS "lifetime", \
            CAST(SUM(CASE WHEN idempotency_key LIKE 'bonus:lifetime:%' THEN 1 ELSE 0 END) AS BIGINT) AS "bonuses" \
            FROM partner_loyalty_ledger GROUP BY partner_id
            """
        ).all(decoding: Row.self)
        return rows.filter { row in rules.bonusThresholds.filter { $0.threshold <= row.lifetime }.count > row.bonuses }
            .map(\.partnerId).sorted { $0.uuidString < $1.uuidString }
    }

    /// Books every threshold bonus the partner's lifetime points reached and it does not hold yet
    /// (an adjustment can cross a threshold; only earnings book bonuses as they happen).
    func awardDueBonuses(of partnerID: UUID, at now: Date) async throws -> Int {
        try await writes.transaction(on: database) { db in
            try await db.lockPartner(partnerID)
            let lifetime = try await settle(partnerID, at: now, on: db).lifetimeEarned
            let reached = rules.bonusThresholds.filter { $0.threshold <= lifetime }
            return try await bookBonuses(reached, partnerID: partnerID, lifetime: lifetime, on: db, at: now)
        }
    }
}

/// One partner id from SQL.
struct PartnerIDRow: Decodable {
    let partnerId: UUID
}
