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

    public init(entries: [Entry]) {
        self.entries = entries.sorted { ($0.occurredAt, $0.id.uuidString) < ($1.occurredAt, $1.id.uuidString) }
    }

    public var balance: Int { entries.reduce(0) { $0 + $1.points } }

    public var lifetimeEarned: Int {
        entries.filter { $0.kind == .earn || $0.kind == .bonus || ($0.kind == .adjust && $0.points > 0) }.reduce(0) { $0 + $1.points }
    }

    /// Open lots after applying every spend to the oldest lots first.
    public var lots: [Lot] {
        var open: [(id: UUID, remaining: Int, expiresAt: Date?)] = []
        var debt = 0
        for entry in entries {
            if entry.points > 0 {
                open.append((entry.id, entry.points, entry.expiresAt))
            } else {
                debt += -entry.points
            }
            // Spend what is owed from the oldest lots.
            var index = 0
            while debt > 0, index < open.count {
                let take = min(debt, open[index].remaining)
                open[index].remaining -= take
                debt -= take
                index += 1
            }
            open.removeAll { $0.remaining == 0 }
        }
        return open.map { Lot(entryID: $0.id, remaining: $0.remaining, expiresAt: $0.expiresAt) }
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
