import Foundation
import PartnerCore

/// One month's commission for one stand, as every entrance shows it: booked (`due`) once the
/// month is closed, `accruing` for the running month.
struct StandPayoutStatement: Sendable, Equatable {
    enum Status: String, Sendable {
        case accruing
        case due
    }

    let standID: UUID
    let period: Month
    let status: Status
    let payout: StandPayout
    /// Late sales from earlier closed months paid with this one.
    let adjustmentSales: Int
    let closedAt: Date?
}

/// What closing a month booked.
struct StandPayoutClose: Sendable, Equatable {
    let period: Month
    /// Payouts booked by this call; 0 when every stand's month was already closed.
    let booked: Int
    let totalCommission: Money
}
