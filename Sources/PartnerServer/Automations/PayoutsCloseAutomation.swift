import Foundation
import PartnerCore

/// `payouts-close`: closes last month's stand commissions through the payout service the
/// `POST /stand/payouts/close` endpoint uses (`payout.due` and an alert per stand with commission).
/// Closing a closed month books nothing, so a second run — or an operator's close — is harmless.
struct PayoutsCloseAutomation: Automation {
    let name = AutomationName.payoutsClose
    let cadence = AutomationCadence.monthly(day: 1, hour: 2)
    let payouts: StandPayoutService

    func run(at now: Date) async throws -> String {
        let month = Month(containing: now).adding(-1)
        let closed = try await payouts.close(month)
        return
            "\(month): \(closed.booked) payouts booked, commission \(closed.totalCommission.amount) \(closed.totalCommission.currency.code)"
    }
}
