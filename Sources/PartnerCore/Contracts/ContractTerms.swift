import Foundation

/// The kinds of agreement a partner signs.
public enum ContractKind: String, CaseIterable, Codable, Sendable {
    case dealerAgreement = "dealer_agreement"
    case distributionAgreement = "distribution_agreement"
    case salonAgreement = "salon_agreement"
    case standAgreement = "stand_agreement"
    case whiteLabelAgreement = "white_label_agreement"
    case affiliateAgreement = "affiliate_agreement"
    case nda
}

/// Where a contract stands today; derived, never stored, so it cannot go stale.
public enum ContractStatus: String, CaseIterable, Codable, Sendable {
    case draft
    case active
    case renewalDue = "renewal_due"
    case expired
    case terminated
}

/// The dates and renewal rules of a contract, and the status they imply on a given day.
public struct ContractTerms: Equatable, Sendable {
    public var startsOn: Date
    public var endsOn: Date
    public var autoRenew: Bool
    public var renewalNoticeDays: Int
    public var signed: Bool
    public var terminatedAt: Date?

    public init(startsOn: Date, endsOn: Date, autoRenew: Bool, renewalNoticeDays: Int, signed: Bool, terminatedAt: Date? = nil) {
        self.startsOn = startsOn
        self.endsOn = endsOn
        self.autoRenew = autoRenew
        self.renewalNoticeDays = renewalNoticeDays
        self.signed = signed
        self.terminatedAt = terminatedAt
    }

    /// The last day of the term running on `date`: auto-renewing contracts roll over by their
    /// original term length.
    public func currentEnd(at date: Date) -> Date {
        guard autoRenew, date > endsOn.addingTimeInterval(86_399) else { return endsOn }
        let term = max(endsOn.timeIntervalSince(startsOn) + 86_400, 86_400)
        let periods = ((date.timeIntervalSince(endsOn) - 86_400) / term).rounded(.down) + 1
        return endsOn.addingTimeInterval(periods * term)
    }

    /// Days from `date` to the current term's last day (0 on that day).
    public func daysToRenewal(at date: Date) -> Int {
        let today = CalendarDay.parse(CalendarDay.format(date)) ?? date
        return Int((currentEnd(at: date).timeIntervalSince(today) / 86_400).rounded())
    }

    public func status(at date: Date) -> ContractStatus {
        if terminatedAt.map({ $0 <= date }) == true { return .terminated }
        if !signed || date < startsOn { return .draft }
        let end = currentEnd(at: date)
        if date >= end.addingTimeInterval(86_400) { return .expired }
        return daysToRenewal(at: date) <= renewalNoticeDays ? .renewalDue : .active
    }
}
