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

    @Test func entriesOfTheSameInstantFollowTheirIdsText() {
        let ids = (0..<40).map { _ in UUID() }
        let entries = ids.map { LoyaltyLedger.Entry(id: $0, kind: .earn, points: 1, occurredAt: start, expiresAt: nil) }
        #expect(LoyaltyLedger(entries: entries.shuffled()).entries.map(\.id.uuidString) == ids.map(\.uuidString).sorted())
    }

    /// The FIFO lots of a long ledger (thousands of orders, a spend every few) against the rule
    /// written out the slow way: each spend walks the lots from the oldest.
    @Test func aLongLedgerSpendsFromTheOldestLots() {
        var generator = SystemRandomNumberGenerator()
        var entries: [LoyaltyLedger.Entry] = []
        for day in 0..<3_000 {
            entries.append(entry(.earn, Int.random(in: 1...400, using: &generator), day: day))
            if day % 7 == 6 { entries.append(entry(.redeem, -Int.random(in: 1...2_000, using: &generator), day: day)) }
        }
        var reference: [(id: UUID, remaining: Int)] = []
        var debt = 0
        for entry in LoyaltyLedger(entries: entries).entries {
            if entry.points > 0 { reference.append((entry.id, entry.points)) } else { debt -= entry.points }
            for index in reference.indices where debt > 0 {
                let take = min(debt, reference[index].remaining)
                reference[index].remaining -= take
                debt -= take
            }
            reference.removeAll { $0.remaining == 0 }
        }
        let lots = LoyaltyLedger(entries: entries.shuffled()).lots
        #expect(lots.map(\.entryID) == reference.map(\.id))
        #expect(lots.map(\.remaining) == reference.map(\.remaining))
        #expect(lots.reduce(0) { $0 + $1.remaining } == max(0, LoyaltyLedger(entries: entries).balance))
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
