import Foundation

/// When a failed webhook delivery is tried again. Each delay counts from the previous attempt; ten
/// attempts span a little over three days, after which the delivery is dead-lettered. The jitter
/// (up to +10 %) spreads retries of many deliveries that failed together, so a receiver coming back
/// from an outage is not hit by all of them in the same second.
public struct WebhookRetrySchedule: Sendable, Equatable {
    /// The delay before attempt n+1, for n = 0…9 (the first attempt goes at once).
    public static let standard = WebhookRetrySchedule(delays: [0, 5, 300, 1_800, 7_200, 18_000, 36_000, 50_400, 72_000, 86_400])
    /// The longest `Retry-After` a receiver may ask for.
    public static let maxRetryAfter: TimeInterval = 3_600

    public let delays: [TimeInterval]

    public init(delays: [TimeInterval]) {
        self.delays = delays
    }

    public var maxAttempts: Int { delays.count }

    /// The wait after the `attempts`-th failed attempt, or nil when that was the last one. `jitter`
    /// is a number in 0…1 (random in production). A receiver's `Retry-After` (seconds) replaces the
    /// scheduled delay, capped at an hour.
    public func delay(afterFailedAttempt attempts: Int, retryAfter: TimeInterval?, jitter: Double) -> TimeInterval? {
        guard attempts >= 1, attempts < delays.count else { return nil }
        if let retryAfter, retryAfter.isFinite, retryAfter >= 0 { return min(retryAfter, Self.maxRetryAfter) }
        let base = delays[attempts]
        return base + base * 0.1 * min(max(jitter, 0), 1)
    }

    /// Reads a `Retry-After` header: delay-seconds or an HTTP date (RFC 9110 §10.2.3).
    public static func retryAfter(_ header: String?, now: Date) -> TimeInterval? {
        guard let header = header?.trimmingCharacters(in: .whitespaces), !header.isEmpty else { return nil }
        if let seconds = Int(header), seconds >= 0 { return TimeInterval(seconds) }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        guard let date = formatter.date(from: header) else { return nil }
        return max(0, date.timeIntervalSince(now))
    }
}
