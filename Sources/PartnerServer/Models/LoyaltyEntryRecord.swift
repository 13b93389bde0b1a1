import Fluent
import Foundation
import PartnerCore

/// One row of a partner's append-only loyalty ledger. Database triggers refuse updates and deletes,
/// and the balance is always derived, so it cannot drift.
final class LoyaltyEntryRecord: Model, @unchecked Sendable {
    static let schema = "partner_loyalty_ledger"

    @ID(key: .id) var id: UUID?
    @Parent(key: "partner_id") var partner: PartnerRecord
    @Field(key: "kind") var kind: LoyaltyEntryKind
    @Field(key: "points") var points: Int
    @Field(key: "occurred_at") var occurredAt: Date
    /// `occurredAt` in whole milliseconds: the exact sort and cursor key.
    @Field(key: "occurred_at_ms") var occurredAtMillis: Int64
    @OptionalField(key: "expires_at") var expiresAt: Date?
    /// Unique per partner, so the same earning, bonus, expiry or request is never booked twice.
    @Field(key: "idempotency_key") var idempotencyKey: String
    @OptionalField(key: "reference") var reference: String?
    @OptionalField(key: "note") var note: String?
    @OptionalField(key: "created_by") var createdBy: UUID?

    init() {}

    init(
        partnerID: UUID, kind: LoyaltyEntryKind, points: Int, occurredAt: Date, expiresAt: Date?, key: String,
        reference: String? = nil, note: String? = nil, createdBy: UUID? = nil
    ) {
        self.$partner.id = partnerID
        self.kind = kind
        self.points = points
        self.occurredAtMillis = Int64((occurredAt.timeIntervalSince1970 * 1000).rounded(.down))
        self.occurredAt = Date(timeIntervalSince1970: Double(occurredAtMillis) / 1000)
        self.expiresAt = expiresAt
        self.idempotencyKey = key
        self.reference = reference
        self.note = note
        self.createdBy = createdBy
    }

    var value: LoyaltyEntry {
        get throws {
            LoyaltyEntry(
                id: try requireID(), kind: kind, points: points, occurredAt: occurredAt, expiresAt: expiresAt, reference: reference,
                note: note)
        }
    }

    var entry: LoyaltyLedger.Entry {
        LoyaltyLedger.Entry(id: id ?? UUID(), kind: kind, points: points, occurredAt: occurredAt, expiresAt: expiresAt)
    }
}
