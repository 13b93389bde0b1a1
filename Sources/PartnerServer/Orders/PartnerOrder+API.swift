import Foundation
import PartnerAPI
import PartnerCore

extension PartnerOrder {
    var api: Components.Schemas.Order {
        Components.Schemas.Order(
            id: id.apiString, number: number, partnerId: partnerID.apiString, partnerName: partnerName, status: .init(status),
            channel: Components.Schemas.OrderChannel(rawValue: channel) ?? .api, externalRef: externalRef,
            requestedDeliveryDate: requestedDeliveryDate.map(CalendarDay.format),
            items: lines.map {
                Components.Schemas.OrderItem(
                    sku: $0.sku, name: $0.name, quantity: $0.quantity, listPrice: .init($0.listPrice), unitPrice: .init($0.unitPrice),
                    priceSource: .init($0.priceSource), lineTotal: .init($0.lineTotal))
            },
            subtotal: .init(subtotal), discount: .init(discount), total: .init(total), createdAt: placedAt, updatedAt: updatedAt,
            confirmedAt: confirmedAt, shippedAt: shippedAt, deliveredAt: deliveredAt, cancelledAt: cancelledAt)
    }
}
