import Foundation
import PartnerCore

enum PricingEvents {
    struct Changed: Encodable, Sendable {
        let partnerId: UUID
        let version: Int
        let reason: String
        let changes: [PricingChangeEntry]
    }

    static func changed(partnerID: UUID, version: Int, reason: String, changes: [PricingChangeEntry]) -> DomainEvent {
        DomainEvent(
            type: .partnerPricingChanged, subjectType: "partner", subjectID: partnerID, partnerID: partnerID,
            data: Changed(partnerId: partnerID, version: version, reason: reason, changes: changes))
    }
}
