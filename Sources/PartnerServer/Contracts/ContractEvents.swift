import Foundation
import PartnerCore

enum ContractEvents {
    struct Payload: Encodable, Sendable {
        let contractId: UUID
        let partnerId: UUID
        let kind: String
        let startsOn: String
        let endsOn: String
        let autoRenew: Bool
        let documentSha256: String?
    }

    static func created(_ contract: PartnerContractRecord, id: UUID) -> DomainEvent {
        event(.contractCreated, contract, id: id)
    }

    static func signed(_ contract: PartnerContractRecord, id: UUID) -> DomainEvent {
        event(.contractSigned, contract, id: id)
    }

    static func terminated(_ contract: PartnerContractRecord, id: UUID) -> DomainEvent {
        event(.contractTerminated, contract, id: id)
    }

    private static func event(_ type: EventType, _ contract: PartnerContractRecord, id: UUID) -> DomainEvent {
        DomainEvent(
            type: type, subjectType: "contract", subjectID: id, partnerID: contract.$partner.id,
            data: Payload(
                contractId: id, partnerId: contract.$partner.id, kind: contract.kind.rawValue,
                startsOn: CalendarDay.format(contract.startsOn),
                endsOn: CalendarDay.format(contract.endsOn), autoRenew: contract.autoRenew, documentSha256: contract.documentSHA256))
    }
}
