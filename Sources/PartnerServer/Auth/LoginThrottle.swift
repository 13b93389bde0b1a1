import Foundation
import PartnerCore

/// Slows password guessing: after `maxFailures` failed logins for one account or from one address
/// within the window, further attempts get 429 until the window passes.
///
/// Kept in memory per instance; with several instances an attacker gets `maxFailures` per instance,
/// which still bounds guessing to a handful of tries per window.
actor LoginThrottle {
    private var limiter: AttemptLimiter

    init(maxFailures: Int, window: TimeInterval) {
        limiter = AttemptLimiter(maxFailures: maxFailures, window: window)
    }

    func retryAfter(account: String, address: String, now: Date = Date()) -> Int? {
        limiter.retryAfter(["account:\(account)", "address:\(address)"], now: now)
    }

    func recordFailure(account: String, address: String, now: Date = Date()) {
        limiter.recordFailure(["account:\(account)", "address:\(address)"], now: now)
    }

    func recordSuccess(account: String) {
        limiter.reset("account:\(account)")
    }
}
