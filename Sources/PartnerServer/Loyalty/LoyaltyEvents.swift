import Foundation
import PartnerCore

enum LoyaltyEvents {
    struct Booked: Encodable, Sendable {
        let partnerId: UUID
        let entryId: UUID
        let kind: String
        let points: Int
        let reference: String?
    }

    /// Every ledger entry is announced, so Finance and Notification OS can follow balances.
    static func booked(_ entry: LoyaltyEntryRecord) throws -> DomainEvent {
        let id = try entry.requireID()
        return DomainEvent(
            type: .loyaltyPointsBooked, subjectType: "loyalty_entry", subjectID: id, partnerID: entry.$partner.id,
            data: Booked(
                partnerId: entry.$partner.id, entryId: id, kind: entry.kind.rawValue, points: entry.points, reference: entry.reference))
    }
}

extension LoyaltyEvents {
    struct ExpiredLot: Encodable, Sendable {
        /// The earning (or bonus) entry whose points expired, and the write-off entry.
        let entryId: String
        let expiryEntryId: String
        let points: Int
        let expiredAt: Date
    }

    struct PointsExpired: Encodable, Sendable {
        let partnerId: String
        let points: Int
        let balance: Int
        let lots: [ExpiredLot]
    }

    struct BonusAwarded: Encodable, Sendable {
        let partnerId: String
        let entryId: String
        let threshold: Int
        let points: Int
        let lifetimeEarned: Int
    }

    /// One event for every lot written off together; `points` is their sum, positive.
    static func pointsExpired(_ expired: [(lot: LoyaltyLedger.Lot, entry: LoyaltyEntryRecord)], partnerID: UUID, balance: Int) throws
        -> (event: DomainEvent, points: Int)
    {
        let lots = try expired.map { lot, entry in
            ExpiredLot(
                entryId: lot.entryID.apiString, expiryEntryId: try entry.requireID().apiString, points: lot.remaining,
                expiredAt: entry.occurredAt)
        }
        let points = lots.reduce(0) { $0 + $1.points }
        let event = DomainEvent(
            type: .loyaltyPointsExpired, subjectType: "partner", subjectID: partnerID, partnerID: partnerID,
            data: PointsExpired(partnerId: partnerID.apiString, points: points, balance: balance, lots: lots))
        return (event, points)
    }

    static func bonusAwarded(_ entry: LoyaltyEntryRecord, threshold: Int, lifetimeEarned: Int) throws -> DomainEvent {
        let id = try entry.requireID()
        return DomainEvent(
            type: .loyaltyBonusAwarded, subjectType: "loyalty_entry", subjectID: id, partnerID: entry.$partner.id,
            data: BonusAwarded(
                partnerId: entry.$partner.id.apiString, entryId: id.apiString, threshold: threshold, points: entry.points,
                lifetimeEarned: lifetimeEarned))
    }
}
