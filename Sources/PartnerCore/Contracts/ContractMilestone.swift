import Foundation

/// A moment in a contract's life that other systems are told about once: its renewal falls due
/// (at the notice days), it expired, or an auto-renewing contract rolled into a new term. Derived
/// from `ContractTerms` exactly as the status is, so the events and the status never disagree.
public enum ContractMilestone: Equatable, Sendable {
    case renewalDue(termEnd: Date, daysLeft: Int)
    case expired(endedOn: Date)
    case renewed(previousEnd: Date, termEnd: Date)

    /// Names the milestone within its contract: one per term end, so each term announces it once.
    public var key: String {
        switch self {
        case .renewalDue(let end, _): "renewal_due:\(CalendarDay.format(end))"
        case .expired(let end): "expired:\(CalendarDay.format(end))"
        case .renewed(_, let end): "renewed:\(CalendarDay.format(end))"
        }
    }

    /// The milestones reached on `date`. Expiries and renewals further back than `catchUpDays`
    /// are history rather than news, so a first run over an old network does not announce them.
    public static func reached(by terms: ContractTerms, at date: Date, catchUpDays: Int = 31) -> [ContractMilestone] {
        let status = terms.status(at: date)
        guard status != .terminated, status != .draft else { return [] }
        let catchUp = Double(catchUpDays) * 86_400
        var reached: [ContractMilestone] = []
        let end = terms.currentEnd(at: date)
        if end > terms.endsOn {
            let term = max(terms.endsOn.timeIntervalSince(terms.startsOn) + 86_400, 86_400)
            let previousEnd = end.addingTimeInterval(-term)
            if date.timeIntervalSince(previousEnd.addingTimeInterval(86_400)) <= catchUp {
                reached.append(.renewed(previousEnd: previousEnd, termEnd: end))
            }
        }
        switch status {
        case .renewalDue:
            reached.append(.renewalDue(termEnd: end, daysLeft: terms.daysToRenewal(at: date)))
        case .expired where date.timeIntervalSince(terms.endsOn.addingTimeInterval(86_400)) <= catchUp:
            reached.append(.expired(endedOn: terms.endsOn))
        default:
            break
        }
        return reached
    }
}
