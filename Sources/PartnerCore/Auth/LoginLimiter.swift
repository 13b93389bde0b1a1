import Foundation

/// Bounds password guessing without locking out the owner. An attempt is counted when it is
/// admitted — before the password hash is checked — so parallel guesses cannot all slip through
/// while bcrypt runs; a correct password takes its attempt back.
///
/// - per (account, client address): a hard limit (`pairFailures` in `window`), then 429;
/// - per client address across accounts: a hard cap (`addressFailures` in `window`);
/// - per account alone: only a growing delay, so a guesser elsewhere cannot refuse the owner.
///
/// A value type, so the rules are testable without clocks or actors. Memory is bounded: past
/// `maxKeys` keys, expired ones go first, then the oldest that are not blocked.
public struct LoginLimiter: Sendable {
    public struct Limits: Sendable {
        public var pairFailures = 5
        public var addressFailures = 50
        public var window: TimeInterval = 15 * 60
        /// Failures per account before each further attempt waits, doubling from `baseDelay`.
        public var accountDelayAfter = 5
        public var baseDelay: TimeInterval = 0.25
        public var maxDelay: TimeInterval = 4
        public var maxKeys = 50_000

        public init() {}
    }

    public enum Admission: Equatable, Sendable {
        /// Go ahead after waiting `delay` seconds; report the outcome with the ticket.
        case admitted(Ticket, delay: TimeInterval)
        case refused(retryAfterSeconds: Int)
    }

    public struct Ticket: Equatable, Sendable {
        let keys: [String]
        let at: Date
    }

    public let limits: Limits
    private var attempts: [String: [Date]] = [:]

    public init(limits: Limits = Limits()) {
        self.limits = limits
    }

    public var trackedKeys: Int { attempts.count }

    public mutating func admit(account: String, address: String, now: Date) -> Admission {
        let pair = "pair:\(account)|\(address)"
        let byAddress = "address:\(address)"
        let byAccount = "account:\(account)"
        let waits = [
            retryAfter(pair, limit: limits.pairFailures, now: now), retryAfter(byAddress, limit: limits.addressFailures, now: now),
        ].compactMap { $0 }
        if let wait = waits.max() { return .refused(retryAfterSeconds: wait) }
        let earlier = recent(byAccount, now: now).count
        let excess = earlier - limits.accountDelayAfter
        let delay = excess < 0 ? 0 : min(limits.maxDelay, limits.baseDelay * pow(2, Double(min(excess, 16))))
        if attempts.count + 3 > limits.maxKeys { prune(now: now) }
        let keys = [pair, byAddress, byAccount]
        for key in keys { attempts[key] = recent(key, now: now) + [now] }
        return .admitted(Ticket(keys: keys, at: now), delay: delay)
    }

    /// The password was right: the attempt was no failure, and the pair starts afresh.
    public mutating func succeeded(_ ticket: Ticket) {
        for key in ticket.keys {
            guard var dates = attempts[key], let index = dates.lastIndex(of: ticket.at) else { continue }
            dates.remove(at: index)
            attempts[key] = dates.isEmpty || key.hasPrefix("pair:") ? nil : dates
        }
    }

    /// Seconds until `key` may try again, or nil when it is not blocked.
    private func retryAfter(_ key: String, limit: Int, now: Date) -> Int? {
        let dates = recent(key, now: now)
        guard dates.count >= limit else { return nil }
        // The attempt that must expire for the count to drop below the limit.
        let freeing = dates[dates.count - limit]
        return max(1, Int(freeing.addingTimeInterval(limits.window).timeIntervalSince(now).rounded(.up)))
    }

    private func recent(_ key: String, now: Date) -> [Date] {
        (attempts[key] ?? []).filter { now.timeIntervalSince($0) < limits.window }
    }

    private func isBlocked(_ key: String, dates: [Date], now: Date) -> Bool {
        let limit = key.hasPrefix("pair:") ? limits.pairFailures : key.hasPrefix("address:") ? limits.addressFailures : Int.max
        return dates.filter { now.timeIntervalSince($0) < limits.window }.count >= limit
    }

    private mutating func prune(now: Date) {
        attempts = attempts.compactMapValues { dates in
            let live = dates.filter { now.timeIntervalSince($0) < limits.window }
            return live.isEmpty ? nil : live
        }
        let target = limits.maxKeys * 3 / 4
        guard attempts.count > target else { return }
        let evictable = attempts.filter { !isBlocked($0.key, dates: $0.value, now: now) }
            .map { (key: $0.key, last: $0.value.last ?? .distantPast) }
            .sorted { $0.last < $1.last }
        for entry in evictable.prefix(attempts.count - target) { attempts[entry.key] = nil }
    }
}
