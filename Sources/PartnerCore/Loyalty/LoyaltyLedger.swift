import Foundation

/// The rules of an append-only points ledger: the balance is the sum of entries, and spending
/// consumes the oldest unexpired points first (FIFO), so expiry takes exactly what was never used.
public struct LoyaltyLedger: Sendable {
    public struct Entry: Equatable, Sendable {
        public let id: UUID
        public let kind: LoyaltyEntryKind
        public let points: Int
        public let occurredAt: Date
        /// Set on entries that add points.
        public let expiresAt: Date?

        public init(id: UUID, kind: LoyaltyEntryKind, points: Int, occurredAt: Date, expiresAt: Date?) {
            self.id = id
            self.kind = kind
            self.points = points
            self.occurredAt = occurredAt
            self.expiresAt = expiresAt
        }
    }

    /// Points still available from one earning entry.
    public struct Lot: Equatable, Sendable {
        public let entryID: UUID
        public let remaining: Int
        public let expiresAt: Date?
    }

    public let entries: [Entry]

    /// The entries in (occurred at, id) order. The id's bytes order as its text does; comparing
    /// them allocates nothing, and a ledger read in that order from SQL is only checked.
    public init(entries: [Entry]) {
        let ordered = zip(entries, entries.dropFirst()).allSatisfy { !Self.precedes($1, $0) }
        self.entries = ordered ? entries : entries.sorted(by: Self.precedes)
    }

    private static func precedes(_ a: Entry, _ b: Entry) -> Bool {
        guard a.occurredAt == b.occurredAt else { return a.occurredAt < b.occurredAt }
        return withUnsafeBytes(of: a.id.uuid) { x in withUnsafeBytes(of: b.id.uuid) { y in x.lexicographicallyPrecedes(y) } }
    }

    public var balance: Int { entries.reduce(0) { $0 + $1.points } }

    public var lifetimeEarned: Int {
        entries.filter { $0.kind == .earn || $0.kind == .bonus || ($0.kind == .adjust && $0.points > 0) }.reduce(0) { $0 + $1.points }
    }

    /// Open lots after applying every spend to the oldest lots first. Lots empty from the front
    /// only, so the oldest open one is an index: one pass, however long the ledger.
    public var lots: [Lot] {
        var open: [(id: UUID, remaining: Int, expiresAt: Date?)] = []
        var oldest = 0
        var debt = 0
        for entry in entries {
            if entry.points > 0 {
                open.append((entry.id, entry.points, entry.expiresAt))
            } else {
                debt += -entry.points
            }
            // Spend what is owed from the oldest lots.
            while debt > 0, oldest < open.count {
                let take = min(debt, open[oldest].remaining)
                open[oldest].remaining -= take
                debt -= take
                if open[oldest].remaining == 0 { oldest += 1 }
            }
        }
        return open[oldest...].map { Lot(entryID: $0.id, remaining: $0.remaining, expiresAt: $0.expiresAt) }
    }

    /// Lots whose points have expired by `now` and must be written off.
    public func dueExpiries(at now: Date) -> [Lot] {
        lots.filter { lot in lot.expiresAt.map { $0 <= now } ?? false }
    }

    /// The ledger as it stands at `now` once due expiries are written off, without writing them:
    /// what a reader sees between the moment points expire and the next write that books it.
    public func settled(at now: Date) -> LoyaltyLedger {
        let due = dueExpiries(at: now)
        guard !due.isEmpty else { return self }
        let writeOffs = due.map { lot in
            Entry(id: UUID(), kind: .expire, points: -lot.remaining, occurredAt: lot.expiresAt ?? now, expiresAt: nil)
        }
        return LoyaltyLedger(entries: entries + writeOffs)
    }

    /// Points that expire within `window` after `now`.
    public func expiringSoon(at now: Date, within window: TimeInterval) -> [Lot] {
        lots.filter { lot in lot.expiresAt.map { $0 > now && $0 <= now.addingTimeInterval(window) } ?? false }
    }
}
