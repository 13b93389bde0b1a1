import Foundation
import PartnerCore

/// `stand-streak-bonuses`: late each day, books the streak bonuses (days without a stock-out) of
/// the stands that sold nothing that day — a sale books its own stand's — so a quiet stand is not
/// passed over. The bonus keys (streak start and ordinal) keep each one booked once.
struct StandStreakBonusesAutomation: Automation {
    let name = AutomationName.standStreakBonuses
    let cadence = AutomationCadence.daily(hour: 23, minute: 30)
    let loyalty: StandLoyaltyService

    func run(at now: Date) async throws -> String {
        let stands = try await loyalty.standsWithoutSale(since: CalendarDay.startOfDay(now))
        var tally = AutomationTally()
        for standID in stands {
            try Task.checkCancellation()
            tally.add(EventType.standStreakBonusAwarded.rawValue, try await loyalty.awardStreakBonuses(of: standID, at: now))
        }
        return tally.summary(checked: stands.count, of: "stands without a sale today")
    }
}
