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
