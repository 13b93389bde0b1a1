import Foundation

/// A new contract, validated from what a client sent.
public struct ContractDraft: Equatable, Sendable {
    public var kind: ContractKind
    public var startsOn: Date
    public var endsOn: Date
    public var autoRenew: Bool
    public var renewalNoticeDays: Int
    public var commissionBasisPoints: Int?
    public var paymentTermsDays: Int?
    public var text: String?
    public var annualRevenueTarget: Money?

    public static let maxTextLength = 20_000

    /// Checks every field and reports all failures at once.
    public static func validated(
        kind: ContractKind, startsOn: String, endsOn: String, autoRenew: Bool, renewalNoticeDays: Int, commissionRate: Double?,
        paymentTermsDays: Int?, text: String?, annualRevenueTarget: (amount: String, currency: String)?
    ) throws(ValidationFailure) -> ContractDraft {
        var v = FieldValidator()
        let start = CalendarDay.parse(startsOn)
        let end = CalendarDay.parse(endsOn)
        v.check(start != nil, "startsOn", "must be a date as YYYY-MM-DD")
        v.check(end != nil, "endsOn", "must be a date as YYYY-MM-DD")
        if let start, let end { v.check(start <= end, "endsOn", "must not be before startsOn") }
        v.check((0...365).contains(renewalNoticeDays), "renewalNoticeDays", "must be between 0 and 365")
        let commission = commissionRate.map { FixedPoint.scaled($0, decimals: 2) }
        if let commission {
            v.check(
                commission.map { (0...10_000).contains($0) } ?? false, "commissionRate",
                "must be between 0 and 100 with at most two decimals")
        }
        if let paymentTermsDays { v.check((0...180).contains(paymentTermsDays), "paymentTermsDays", "must be between 0 and 180") }
        let text = v.optionalText(text, "terms", maxLength: maxTextLength)
        let target = annualRevenueTarget.flatMap { ProductDefinition.money($0, field: "annualRevenueTarget", validator: &v) }
        if let target {
            v.check(target.currency == .eur && target.minorUnits > 0, "annualRevenueTarget", "must be a positive amount in EUR")
        }
        try v.finish()
        guard let start, let end else { throw ValidationFailure(field: "startsOn", message: "must be a date as YYYY-MM-DD") }
        return ContractDraft(
            kind: kind, startsOn: start, endsOn: end, autoRenew: autoRenew, renewalNoticeDays: renewalNoticeDays,
            commissionBasisPoints: commission ?? nil, paymentTermsDays: paymentTermsDays, text: text, annualRevenueTarget: target)
    }
}
