import Foundation
import PartnerCore

/// Payloads of `contract.renewal_due`, `contract.expired` and `contract.renewed` (ids lower-case,
/// dates as YYYY-MM-DD), and the partner alert each one raises.
enum ContractMilestoneEvents {
    struct RenewalDue: Encodable, Sendable {
        let contractId: String
        let partnerId: String
        let kind: String
        let endsOn: String
        let daysLeft: Int
        let autoRenew: Bool
        let renewalNoticeDays: Int
    }

    struct Expired: Encodable, Sendable {
        let contractId: String
        let partnerId: String
        let kind: String
        let endedOn: String
    }

    struct Renewed: Encodable, Sendable {
        let contractId: String
        let partnerId: String
        let kind: String
        let previousEndsOn: String
        let endsOn: String
    }

    static func event(_ milestone: ContractMilestone, of contract: Contract) -> DomainEvent {
        let (id, partner, kind) = (contract.id.apiString, contract.partnerID.apiString, contract.kind.rawValue)
        let (type, data): (EventType, any Encodable & Sendable) =
            switch milestone {
            case .renewalDue(let end, let days):
                (
                    .contractRenewalDue,
                    RenewalDue(
                        contractId: id, partnerId: partner, kind: kind, endsOn: CalendarDay.format(end), daysLeft: days,
                        autoRenew: contract.terms.autoRenew, renewalNoticeDays: contract.terms.renewalNoticeDays)
                )
            case .expired(let end):
                (.contractExpired, Expired(contractId: id, partnerId: partner, kind: kind, endedOn: CalendarDay.format(end)))
            case .renewed(let previous, let end):
                (
                    .contractRenewed,
                    Renewed(
                        contractId: id, partnerId: partner, kind: kind, previousEndsOn: CalendarDay.format(previous),
                        endsOn: CalendarDay.format(end))
                )
            }
        return DomainEvent(type: type, subjectType: "contract", subjectID: contract.id, partnerID: contract.partnerID, data: data)
    }

    static func alert(_ milestone: ContractMilestone, of contract: Contract) -> AutomationNotices.Alert {
        let name = contract.kind.rawValue.replacingOccurrences(of: "_", with: " ")
        let link = "/api/v1/partners/\(contract.partnerID.apiString)/contracts"
        let subject = (type: "contract", id: contract.id)
        switch milestone {
        case .renewalDue(let end, let days):
            let how = contract.terms.autoRenew ? "renews automatically" : "ends"
            return .init(
                kind: "contract_renewal_due", severity: .warning, title: "Your \(name) \(how) on \(CalendarDay.format(end))",
                message: "\(days) days left. Talk to your partner manager about the next term.", link: link, subject: subject)
        case .expired(let end):
            return .init(
                kind: "contract_expired", severity: .critical, title: "Your \(name) expired on \(CalendarDay.format(end))",
                message: "The agreement is no longer in force; contact your partner manager to renew it.", link: link, subject: subject)
        case .renewed(_, let end):
            return .init(
                kind: "contract_renewed", severity: .info, title: "Your \(name) was renewed",
                message: "The new term runs until \(CalendarDay.format(end)).", link: link, subject: subject)
        }
    }
}
