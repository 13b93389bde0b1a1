import Foundation
import Testing

@testable import PartnerCore

struct LimiterTestFailure: Error {}

@Suite("Access scope, login throttling, tiers, randomness")
struct AccessAndLimitsTests {
    let mine = UUID()
    let theirs = UUID()

    @Test func headquartersSeesEverythingPartnersOnlyTheirOwn() {
        let staff = AccessScope(role: .staff)
        #expect(staff.visiblePartnerIDs == nil && staff.canView(partner: theirs))
        let owner = AccessScope(role: .partner, memberships: [mine: .owner])
        #expect(owner.visiblePartnerIDs == [mine])
        #expect(owner.canView(partner: mine) && !owner.canView(partner: theirs))
    }

    @Test func limiterRefusesAPairAfterItsLimitUntilTheWindowPasses() throws {
        var limits = LoginLimiter.Limits()
        limits.pairFailures = 3
        limits.window = 60
        var limiter = LoginLimiter(limits: limits)
        let start = Date(timeIntervalSince1970: 1_000_000)
        for second in 0..<3 {
            guard case .admitted = limiter.admit(account: "a", address: "1", now: start.addingTimeInterval(Double(second))) else {
                Issue.record("attempt \(second) was refused")
                return
            }
        }
        #expect(limiter.admit(account: "a", address: "1", now: start.addingTimeInterval(10)) == .refused(retryAfterSeconds: 50))
        // The owner elsewhere is never refused, and an unrelated account is untouched.
        guard case .admitted = limiter.admit(account: "a", address: "2", now: start.addingTimeInterval(10)) else {
            Issue.record("the owner's address was refused")
            return
        }
        guard case .admitted = limiter.admit(account: "b", address: "1", now: start.addingTimeInterval(10)) else {
            Issue.record("another account was refused")
            return
        }
        guard case .admitted = limiter.admit(account: "a", address: "1", now: start.addingTimeInterval(61)) else {
            Issue.record("the window did not pass")
            return
        }
    }

    @Test func attemptsCountBeforeTheOutcomeAndSuccessGivesThemBack() throws {
        var limits = LoginLimiter.Limits()
        limits.pairFailures = 2
        var limiter = LoginLimiter(limits: limits)
        let now = Date(timeIntervalSince1970: 2_000_000)
        // Two admitted attempts still in flight block a third: parallel guesses cannot all pass.
        guard case .admitted(let first, _) = limiter.admit(account: "a", address: "1", now: now),
            case .admitted = limiter.admit(account: "a", address: "1", now: now.addingTimeInterval(1))
        else { throw LimiterTestFailure() }
        #expect(limiter.admit(account: "a", address: "1", now: now.addingTimeInterval(2)) == .refused(retryAfterSeconds: 898))
        limiter.succeeded(first)
        guard case .admitted = limiter.admit(account: "a", address: "1", now: now.addingTimeInterval(3)) else {
            throw LimiterTestFailure()
        }
    }

    @Test func anAddressIsCappedAcrossAccountsAndAnAccountOnlySlowsDown() throws {
        var limits = LoginLimiter.Limits()
        limits.addressFailures = 4
        limits.accountDelayAfter = 2
        limits.baseDelay = 1
        limits.maxDelay = 3
        var limiter = LoginLimiter(limits: limits)
        let now = Date(timeIntervalSince1970: 3_000_000)
        for index in 0..<4 { _ = limiter.admit(account: "user\(index)", address: "9", now: now) }
        #expect(limiter.admit(account: "fresh", address: "9", now: now) == .refused(retryAfterSeconds: 900))
        var delays: [TimeInterval] = []
        for index in 0..<5 {
            guard case .admitted(_, let delay) = limiter.admit(account: "owner", address: "addr\(index)", now: now) else {
                throw LimiterTestFailure()
            }
            delays.append(delay)
        }
        #expect(delays == [0, 0, 1, 2, 3])
    }

    @Test func limiterMemoryStaysBoundedAndKeepsBlockedKeys() {
        var limits = LoginLimiter.Limits()
        limits.pairFailures = 2
        limits.maxKeys = 300
        var limiter = LoginLimiter(limits: limits)
        let now = Date(timeIntervalSince1970: 4_000_000)
        _ = limiter.admit(account: "victim", address: "x", now: now)
        _ = limiter.admit(account: "victim", address: "x", now: now)
        for index in 0..<5_000 { _ = limiter.admit(account: "k\(index)", address: "a\(index)", now: now.addingTimeInterval(1)) }
        #expect(limiter.trackedKeys <= 300)
        #expect(limiter.admit(account: "victim", address: "x", now: now.addingTimeInterval(2)) == .refused(retryAfterSeconds: 898))
    }

    @Test func tierDefinitionsConvertDecimalsExactly() throws {
        let tier = try TierDefinition.validated(
            code: "vip_2", name: "VIP", partnerTypes: [.dealer], rank: 9, baseDiscountPercent: 12.35,
            loyaltyMultiplier: 1.125, minTrailingRevenue: ("1234.5", "eur"))
        #expect(tier.baseDiscountBasisPoints == 1235)
        #expect(tier.loyaltyMultiplierMilli == 1125)
        #expect(tier.minTrailingRevenue == Money(minorUnits: 123_450, currency: .eur))
        #expect(FixedPoint.scaled(0.1 + 0.2, decimals: 2) == 30)
        #expect(FixedPoint.scaled(1.005, decimals: 2) == nil)
        #expect(TierDefinition.defaults.allSatisfy { !$0.partnerTypes.isEmpty })
    }

    @Test func seededGeneratorRepeats() {
        var a = SeededGenerator(seed: 42)
        var b = SeededGenerator(seed: 42)
        #expect((0..<100).map { _ in a.next() } == (0..<100).map { _ in b.next() })
        var c = SeededGenerator(seed: 43)
        #expect(a.next() != c.next())
        var weighted = SeededGenerator(seed: 7)
        let picks = (0..<10_000).map { _ in weighted.weighted([("a", 9), ("b", 1)]) }
        let share = Double(picks.filter { $0 == "b" }.count) / 10_000
        #expect((0.08...0.12).contains(share))
    }
}
