import Fluent
import Foundation
import PartnerCore

/// One entry of a stand partner's append-only loyalty ledger (the seed's `StandLoyaltyLedger`).
/// Triggers refuse updates and deletes; the balance is always derived.
final class StandLoyaltyLedgerRecord: Model, @unchecked Sendable {
    static let schema = "stand_loyalty_ledger"

    @ID(key: .id) var id: UUID?
    @Parent(key: "stand_id") var stand: StandPartnerRecord
    @Field(key: "kind") var kind: LoyaltyEntryKind
    @Field(key: "points") var points: Int
    @Field(key: "occurred_at") var occurredAt: Date
    @Field(key: "occurred_at_ms") var occurredAtMillis: Int64
    /// Unique per stand, so no sale, streak or milestone is booked twice.
    @Field(key: "idempotency_key") var idempotencyKey: String
    @OptionalField(key: "reference") var reference: String?
    @OptionalField(key: "note") var note: String?

    init() {}

    init(standID: UUID, kind: LoyaltyEntryKind, points: Int, occurredAt: Date, key: String, reference: String?, note: String? = nil) {
        $stand.id = standID
        self.kind = kind
        self.points = points
        occurredAtMillis = PartnerOrderRecord.millis(occurredAt)
        self.occurredAt = Date(timeIntervalSince1970: Double(occurredAtMillis) / 1000)
        idempotencyKey = key
        self.reference = reference
        self.note = note
    }
}
