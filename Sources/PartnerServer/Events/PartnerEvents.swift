import Foundation
import PartnerCore

/// Payloads of the partner events.
enum PartnerEvents {
    struct Snapshot: Encodable, Sendable {
        let id: UUID
        let type: String
        let companyName: String
        let region: String
        let country: String
        let status: String
        let tierCode: String?
    }

    struct Updated: Encodable, Sendable {
        let partner: Snapshot
        let changedFields: [String]
    }

    struct StatusChanged: Encodable, Sendable {
        let partnerId: UUID
        let from: String
        let to: String
    }

    struct TierChanged: Encodable, Sendable {
        let partnerId: String
        let fromTierCode: String?
        let toTierCode: String?
    }

    static func tierChanged(id: UUID, from: String?, to: String?) -> DomainEvent {
        DomainEvent(
            type: .partnerTierChanged, subjectType: "partner", subjectID: id, partnerID: id,
            data: TierChanged(partnerId: id.apiString, fromTierCode: from, toTierCode: to))
    }

    static func created(_ partner: PartnerRecord, id: UUID, tierCode: String?) -> DomainEvent {
        DomainEvent(
            type: .partnerCreated, subjectType: "partner", subjectID: id, partnerID: id, data: snapshot(partner, id: id, tierCode: tierCode)
        )
    }

    static func updated(_ partner: PartnerRecord, id: UUID, tierCode: String?, changedFields: [String]) -> DomainEvent {
        DomainEvent(
            type: .partnerUpdated, subjectType: "partner", subjectID: id, partnerID: id,
            data: Updated(partner: snapshot(partner, id: id, tierCode: tierCode), changedFields: changedFields))
    }

    static func statusChanged(id: UUID, from: PartnerStatus, to: PartnerStatus) -> DomainEvent {
        DomainEvent(
            type: .partnerStatusChanged, subjectType: "partner", subjectID: id, partnerID: id,
            data: StatusChanged(partnerId: id, from: from.rawValue, to: to.rawValue))
    }

    private static func snapshot(_ partner: PartnerRecord, id: UUID, tierCode: String?) -> Snapshot {
        Snapshot(
            id: id, type: partner.type.rawValue, companyName: partner.companyName, region: partner.region,
            country: partner.country, status: partner.status.rawValue, tierCode: tierCode)
    }
}
