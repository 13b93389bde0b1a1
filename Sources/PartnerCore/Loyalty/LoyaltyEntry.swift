import Foundation

/// One booking in a partner's loyalty ledger, as the partner sees it.
public struct LoyaltyEntry: Equatable, Sendable {
    public var id: UUID
    public var kind: LoyaltyEntryKind
    public var points: Int
    public var occurredAt: Date
    /// Set on entries that add points.
    public var expiresAt: Date?
    public var reference: String?
    public var note: String?

    public init(id: UUID, kind: LoyaltyEntryKind, points: Int, occurredAt: Date, expiresAt: Date?, reference: String?, note: String?) {
        self.id = id
        self.kind = kind
        self.points = points
        self.occurredAt = occurredAt
        self.expiresAt = expiresAt
        self.reference = reference
        self.note = note
    }
}

/// What a redemption or adjustment booked, and the balance after it.
public struct LoyaltyBooking: Equatable, Sendable {
    public var entry: LoyaltyEntry
    public var balance: Int

    public init(entry: LoyaltyEntry, balance: Int) {
        self.entry = entry
        self.balance = balance
    }
}
