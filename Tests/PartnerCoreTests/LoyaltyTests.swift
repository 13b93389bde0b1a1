import Foundation
import Testing

@testable import PartnerCore

@Suite("Loyalty ledger and rules")
struct LoyaltyTests {
    let start = CalendarDay.parse("2024-01-01")!
    let rules = LoyaltyRules(expiryMonths: 24)

    private func entry(_ kind: LoyaltyEntryKind, _ points: Int, day: Int) -> LoyaltyLedger.Entry {
        let date = start.addingTimeInterval(Double(day) * 86_400)
        return LoyaltyLedger.Entry(
            id: UUID(), kind: kind, points: points, occurredAt: date, expiresAt: points > 0 ? rules.expiry(of: date) : nil)
    }

    @Test func spendingTakesTheOldestPointsFirst() {
        let first = entry(.earn, 100, day: 0)
        let second = entry(.earn, 50, day: 10)
        let ledger = LoyaltyLedger(entries: [second, entry(.redeem, -120, day: 20), first])
        #expect(ledger.balance == 30)
        #expect(ledger.lots == [LoyaltyLedger.Lot(entryID: second.id, remaining: 30, expiresAt: second.expiresAt)])
        #expect(ledger.lifetimeEarned == 150)
    }

    @Test func onlyUnspentPointsExpireAndOnlyWhenDue() {
        let earned = entry(.earn, 100, day: 0)
        let ledger = LoyaltyLedger(entries: [earned, entry(.redeem, -30, day: 5), entry(.bonus, 20, day: 400)])
        let expiry = rules.expiry(of: earned.occurredAt)
        #expect(CalendarDay.format(expiry) == "2026-01-01")
        #expect(ledger.dueExpiries(at: expiry.addingTimeInterval(-1)).isEmpty)
        #expect(ledger.dueExpiries(at: expiry).map(\.remaining) == [70])
        #expect(ledger.expiringSoon(at: expiry.addingTimeInterval(-10 * 86_400), within: 30 * 86_400).map(\.remaining) == [70])
        let settled = LoyaltyLedger(
            entries: ledger.entries + [LoyaltyLedger.Entry(id: UUID(), kind: .expire, points: -70, occurredAt: expiry, expiresAt: nil)])
        #expect(settled.balance == 20)
        #expect(settled.dueExpiries(at: expiry).isEmpty)
    }

    @Test func readersSeeExpiredPointsGoneBeforeTheyAreBooked() {
        let earned = entry(.earn, 100, day: 0)
        let ledger = LoyaltyLedger(entries: [earned, entry(.earn, 40, day: 500)])
        let afterExpiry = rules.expiry(of: earned.occurredAt).addingTimeInterval(86_400)
        #expect(ledger.balance == 140)
        #expect(ledger.settled(at: afterExpiry).balance == 40)
        #expect(ledger.settled(at: afterExpiry).dueExpiries(at: afterExpiry).isEmpty)
        #expect(ledger.settled(at: earned.occurredAt).balance == 140)
    }

    @Test func pointsScaleWithTierAndPromotionAndRoundDown() {
        let total = Money(minorUnits: 8_550, currency: .eur)
        #expect(rules.points(for: total, tierMultiplierMilli: 1_000) == 85)
        #expect(rules.points(for: total, tierMultiplierMilli: 1_250) == 106)
        #expect(rules.points(for: total, tierMultiplierMilli: 1_250, promotionMultiplierMilli: 2_000) == 212)
        #expect(rules.points(for: Money(minorUnits: 99, currency: .eur), tierMultiplierMilli: 1_500) == 0)
        #expect(rules.points(for: Money(minorUnits: 1_000, currency: Currency("JPY")!), tierMultiplierMilli: 1_000) == 1_000)
    }

    @Test func bonusesFireOncePerThresholdCrossed() {
        #expect(rules.bonusesCrossed(from: 900, to: 1_100).map(\.bonus) == [100])
        #expect(rules.bonusesCrossed(from: 900, to: 6_000).map(\.bonus) == [100, 500])
        #expect(rules.bonusesCrossed(from: 1_000, to: 1_200).isEmpty)
    }
}
