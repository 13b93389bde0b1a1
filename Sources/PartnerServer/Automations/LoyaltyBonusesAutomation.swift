import Foundation
import PartnerCore

/// `loyalty-bonuses`: books the lifetime threshold bonuses a partner reached without an earning
/// that booked them (`loyalty.bonus.awarded` and an alert); one key per threshold keeps it once.
struct LoyaltyBonusesAutomation: Automation {
    let name = AutomationName.loyaltyBonuses
    let cadence = AutomationCadence.daily(hour: 0, minute: 45)
    let loyalty: LoyaltyService

    func run(at now: Date) async throws -> String {
        let partners = try await loyalty.partnersMissingBonuses()
        var tally = AutomationTally()
        for partnerID in partners {
            try Task.checkCancellation()
            tally.add(EventType.loyaltyBonusAwarded.rawValue, try await loyalty.awardDueBonuses(of: partnerID, at: now))
        }
        return tally.summary(checked: partners.count, of: "partners below their bonuses")
    }
}
