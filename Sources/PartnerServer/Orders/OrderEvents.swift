import Foundation
import PartnerCore

enum OrderEvents {
    struct Created: Encodable, Sendable {
        let orderId: UUID
        let number: String
        let partnerId: UUID
        let total: EventMoney
        let lines: Int
        let channel: String
    }

    struct StatusChanged: Encodable, Sendable {
        let orderId: UUID
        let number: String
        let partnerId: UUID
        let from: String
        let to: String
        let note: String?
    }

    static func created(_ order: PartnerOrderRecord, id: UUID, lines: Int) -> DomainEvent {
        DomainEvent(
            type: .orderCreated, subjectType: "order", subjectID: id, partnerID: order.$partner.id,
            data: Created(
                orderId: id, number: order.number, partnerId: order.$partner.id,
                total: EventMoney(Money(minorUnits: order.totalMinor, currency: order.money)), lines: lines, channel: order.channel),
            version: 2)
    }

    static func statusChanged(_ order: PartnerOrderRecord, id: UUID, from: OrderStatus, note: String?) -> DomainEvent {
        DomainEvent(
            type: .orderStatusChanged, subjectType: "order", subjectID: id, partnerID: order.$partner.id,
            data: StatusChanged(
                orderId: id, number: order.number, partnerId: order.$partner.id, from: from.rawValue, to: order.status.rawValue, note: note)
        )
    }
}
