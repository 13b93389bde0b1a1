import Foundation

/// Counts failures per key (an account, a client address) in a sliding window and says when a key
/// must wait. A value type so the rule is testable without clocks or actors.
public struct AttemptLimiter: Sendable {
    public let maxFailures: Int
    public let window: TimeInterval
    private var failures: [String: [Date]] = [:]
    /// Bounds memory under a flood of distinct keys.
    private let maxKeys: Int

    public init(maxFailures: Int, window: TimeInterval, maxKeys: Int = 50_000) {
        self.maxFailures = maxFailures
        self.window = window
        self.maxKeys = maxKeys
    }

    /// Seconds until any of `keys` may try again, or `nil` when none is blocked.
    public func retryAfter(_ keys: [String], now: Date) -> Int? {
        let waits = keys.compactMap { key -> TimeInterval? in
            let recent = failures[key, default: []].filter { now.timeIntervalSince($0) < window }
            guard recent.count >= maxFailures, let oldest = recent.first else { return nil }
            return oldest.addingTimeInterval(window).timeIntervalSince(now)
        }
        return waits.max().map { max(1, Int($0.rounded(.up))) }
    }

    public mutating func recordFailure(_ keys: [String], now: Date) {
        if failures.count >= maxKeys { prune(now: now) }
        for key in keys {
            var recent = failures[key, default: []].filter { now.timeIntervalSince($0) < window }
            recent.append(now)
            failures[key] = Array(recent.suffix(maxFailures))
        }
    }

    public mutating func reset(_ key: String) {
        failures[key] = nil
    }

    private mutating func prune(now: Date) {
        failures = failures.filter { _, dates in dates.contains { now.timeIntervalSince($0) < window } }
        if failures.count >= maxKeys { failures.removeAll() }
    }
}
