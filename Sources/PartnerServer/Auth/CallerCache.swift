import Foundation
import PartnerCore

/// Callers by token digest for a few seconds, so a request does not read the token, the user and
/// the memberships again. Logout, revocation, disabling a user, a password change and any change of
/// memberships evict the user's entries at once on this instance; with several instances the
/// time-to-live (5 s) bounds how long a revoked token still works elsewhere. Bounded in size.
final class CallerCache: @unchecked Sendable {
    private struct Entry {
        let caller: Caller
        let validUntil: Date
    }

    static let timeToLive: TimeInterval = 5
    let capacity: Int
    private let lock = NSLock()
    private var entries: [String: Entry] = [:]

    init(capacity: Int = 10_000) {
        self.capacity = max(1, capacity)
    }

    var count: Int { lock.withLock { entries.count } }

    func caller(digest: String, at now: Date) -> Caller? {
        lock.withLock {
            guard let entry = entries[digest] else { return nil }
            guard entry.validUntil > now else {
                entries[digest] = nil
                return nil
            }
            return entry.caller
        }
    }

    /// Keeps `caller` until the time-to-live passes or the token expires, whichever is first.
    func store(_ caller: Caller, digest: String, tokenExpiresAt: Date, at now: Date) {
        let entry = Entry(caller: caller, validUntil: min(tokenExpiresAt, now.addingTimeInterval(Self.timeToLive)))
        lock.withLock {
            if entries.count >= capacity, entries[digest] == nil {
                entries = entries.filter { $0.value.validUntil > now }
                // Still full of live entries: start over rather than grow; they are cheap to rebuild.
                if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            }
            entries[digest] = entry
        }
    }

    /// Every token of `userID` (a logout, a disabled user, a new password, a membership change).
    func evict(userID: UUID) {
        lock.withLock { entries = entries.filter { $0.value.caller.userID != userID } }
    }

    func evict(tokenID: UUID) {
        lock.withLock { entries = entries.filter { $0.value.caller.tokenID != tokenID } }
    }
}
