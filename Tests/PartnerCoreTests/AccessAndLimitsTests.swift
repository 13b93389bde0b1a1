import Foundation
import Testing

@testable import PartnerCore

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
        #expect(owner.canManageMembers(of: mine) && !owner.canManageMembers(of: theirs))
        #expect(owner.canEdit(fields: ["phone", "email"], of: mine))
        #expect(!owner.canEdit(fields: ["phone", "tierCode"], of: mine))
        #expect(!owner.canEdit(fields: ["phone"], of: theirs))
        let viewer = AccessScope(role: .partner, memberships: [mine: .viewer])
        #expect(!viewer.canEdit(fields: ["phone"], of: mine) && !viewer.canManageMembers(of: mine))
    }

    @Test func limiterBlocksAfterTheLimitUntilTheWindowPasses() {
        var limiter = AttemptLimiter(maxFailures: 3, window: 60)
        let start = Date(timeIntervalSince1970: 1_000_000)
        for second in 0..<3 {
            #expect(limiter.retryAfter(["a"], now: start.addingTimeInterval(Double(second))) == nil)
            limiter.recordFailure(["a"], now: start.addingTimeInterval(Double(second)))
        }
        #expect(limiter.retryAfter(["a"], now: start.addingTimeInterval(10)) == 50)
        #expect(limiter.retryAfter(["b"], now: start.addingTimeInterval(10)) == nil)
        #expect(limiter.retryAfter(["a"], now: start.addingTimeInterval(61)) == nil)
        limiter.reset("a")
        #expect(limiter.retryAfter(["a"], now: start.addingTimeInterval(10)) == nil)
    }

    @Test func limiterMemoryStaysBounded() {
        var limiter = AttemptLimiter(maxFailures: 2, window: 60, maxKeys: 100)
        let now = Date()
        for index in 0..<1000 { limiter.recordFailure(["k\(index)"], now: now) }
        limiter.recordFailure(["x"], now: now)
        #expect(limiter.retryAfter(["x"], now: now) == nil)
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
