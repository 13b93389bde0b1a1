import Foundation
import PartnerCore

/// `contract-renewals`: announces each signed contract's renewal falling due (at its notice days),
/// its expiry, and each automatic renewal of an auto-renewing contract — once per term.
struct ContractRenewalsAutomation: Automation {
    let name = AutomationName.contractRenewals
    let cadence = AutomationCadence.daily(hour: 1, minute: 0)
    let contracts: ContractService
    let notices: AutomationNotices

    func run(at now: Date) async throws -> String {
        let all = try await contracts.signedInForce()
        var tally = AutomationTally()
        for contract in all {
            try Task.checkCancellation()
            for milestone in ContractMilestone.reached(by: contract.terms, at: now) {
                let event = ContractMilestoneEvents.event(milestone, of: contract)
                let announced = try await notices.announceOnce(
                    name, partnerID: contract.partnerID, subjectID: contract.id, key: milestone.key, events: [event],
                    alert: ContractMilestoneEvents.alert(milestone, of: contract), at: now)
                if announced { tally.add(event.type.rawValue) }
            }
        }
        return tally.summary(checked: all.count, of: "contracts")
    }
}
