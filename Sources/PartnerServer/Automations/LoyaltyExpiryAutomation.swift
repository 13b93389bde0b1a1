import Foundation
import PartnerCore

/// `loyalty-expiry`: books the write-off of expired points for every partner whose points expired
/// since its last write (`loyalty.points.expired`, `loyalty.points.booked` and an alert); the
/// write-off keys make a second run find nothing.
struct LoyaltyExpiryAutomation: Automation {
    let name = AutomationName.loyaltyExpiry
    let cadence = AutomationCadence.daily(hour: 0, minute: 30)
    let loyalty: LoyaltyService

    func run(at now: Date) async throws -> String {
        let partners = try await loyalty.partnersWithDueExpiries(at: now)
        var tally = AutomationTally()
        for partnerID in partners {
            try Task.checkCancellation()
            let points = try await loyalty.expireDue(of: partnerID, at: now)
            if points > 0 {
                tally.add("partners", 1)
                tally.add("points expired", points)
            }
        }
        return tally.summary(checked: partners.count, of: "partners with due expiries")
    }
}
