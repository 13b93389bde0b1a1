import Foundation
import PartnerAPI
import PartnerCore

extension PartnerOrderRecord {
    /// Needs `items` loaded; includes the partner's name when `partner` is loaded.
    var api: Components.Schemas.Order {
        get throws {
            let currency = money
            func amount(_ minor: Int64) -> Components.Schemas.Money { .init(Money(minorUnits: minor, currency: currency)) }
            let lines = items.sorted { $0.lineNumber < $1.lineNumber }.map { item in
                Components.Schemas.OrderItem(
                    sku: item.sku, name: item.name, quantity: item.quantity, listPrice: amount(item.listPriceMinor),
                    unitPrice: amount(item.unitPriceMinor), priceSource: .init(item.priceSource), lineTotal: amount(item.lineTotalMinor))
            }
            return Components.Schemas.Order(
                id: try requireID().apiString, number: number, partnerId: $partner.id.apiString,
                partnerName: $partner.value?.companyName, status: .init(status),
                channel: Components.Schemas.OrderChannel(rawValue: channel) ?? .api, externalRef: externalRef,
                requestedDeliveryDate: requestedDeliveryDate.map(CalendarDay.format), items: lines, subtotal: amount(subtotalMinor),
                discount: amount(subtotalMinor - totalMinor), total: amount(totalMinor), createdAt: placedAt,
                updatedAt: updatedAt ?? placedAt, confirmedAt: confirmedAt, shippedAt: shippedAt, deliveredAt: deliveredAt,
                cancelledAt: cancelledAt)
        }
    }
}
