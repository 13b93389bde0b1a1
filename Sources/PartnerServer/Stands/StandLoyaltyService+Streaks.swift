import Fluent
import Foundation
import PartnerCore
import SQLKit

/// What the streak automation asks of stand loyalty: the stands a sale did not visit today (a sale
/// books its stand's streaks itself) and their completed streaks, booked once each.
extension StandLoyaltyService {
    /// Active stands without a sale since `dayStart`.
    func standsWithoutSale(since dayStart: Date) async throws -> [UUID] {
        try await database.sql().raw(
            """
            SELECT s.id AS "partnerId" FROM stand_partners s JOIN partners p ON p.id = s.id \
            WHERE p.status = \(bind: PartnerStatus.active.rawValue) AND NOT EXISTS \
            (SELECT 1 FROM stand_orders o WHERE o.stand_id = s.id AND o.sold_at_ms >= \(bind: PartnerOrderRecord.millis(dayStart))) \
            ORDER BY s.id
            """
        ).all(decoding: PartnerIDRow.self).map(\.partnerId)
    }

    /// Books the stand's completed streak bonuses in a transaction of its own, after its lock.
    func awardStreakBonuses(of standID: UUID, at now: Date) async throws -> Int {
        try await writes.transaction(on: database) { db in
            try await db.lockPartner(standID)
            guard let stand = try await StandPartnerRecord.find(standID, on: db) else { return 0 }
            return try await bookStreakBonuses(of: standID, joinedAt: stand.joinedAt, on: db, at: now)
        }
    }
}
