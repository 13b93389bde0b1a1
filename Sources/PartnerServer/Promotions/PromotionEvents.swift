import Foundation
import PartnerCore

enum PromotionEvents {
    struct StatusChanged: Encodable, Sendable {
        let promotionId: UUID
        let name: String
        let from: String
        let to: String
        let validFrom: String
        let validTo: String
    }

    static func statusChanged(_ promotion: PromotionRecord, id: UUID, from: PromotionStatus) -> DomainEvent {
        DomainEvent(
            type: promotion.status == .published ? .promotionPublished : .promotionStatusChanged, subjectType: "promotion", subjectID: id,
            partnerID: nil,
            data: StatusChanged(
                promotionId: id, name: promotion.name, from: from.rawValue, to: promotion.status.rawValue,
                validFrom: CalendarDay.format(promotion.validFrom), validTo: CalendarDay.format(promotion.validTo)))
    }
}
