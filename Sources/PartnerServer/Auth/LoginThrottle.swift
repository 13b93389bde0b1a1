import Foundation
import PartnerCore

/// The login limiter behind an actor (one per instance). With several instances a guesser gets
/// each instance's allowance, which still bounds guessing to a handful of tries per window.
actor LoginThrottle {
    private var limiter: LoginLimiter

    init(limits: LoginLimiter.Limits) {
        limiter = LoginLimiter(limits: limits)
    }

    func admit(account: String, address: String, now: Date) -> LoginLimiter.Admission {
        limiter.admit(account: account, address: address, now: now)
    }

    func succeeded(_ ticket: LoginLimiter.Ticket) {
        limiter.succeeded(ticket)
    }
}
