import Foundation
import PartnerCore

extension PartnerOrderRecord {
    /// Needs `items` loaded; names the partner when `partner` is loaded.
    var value: PartnerOrder {
        get throws { try value(items: items, partnerName: $partner.value?.companyName) }
    }

    func value(items: [PartnerOrderItemRecord], partnerName: String?) throws -> PartnerOrder {
        let currency = money
        func amount(_ minor: Int64) -> Money { Money(minorUnits: minor, currency: currency) }
        let lines = items.sorted { $0.lineNumber < $1.lineNumber }.map { item in
            PartnerOrder.Line(
                sku: item.sku, name: item.name, quantity: item.quantity, listPrice: amount(item.listPriceMinor),
                unitPrice: amount(item.unitPriceMinor), priceSource: item.priceSource, lineTotal: amount(item.lineTotalMinor))
        }
        return PartnerOrder(
            id: try requireID(), number: number, partnerID: $partner.id, partnerName: partnerName, status: status, channel: channel,
            externalRef: externalRef, requestedDeliveryDate: requestedDeliveryDate, lines: lines, subtotal: amount(subtotalMinor),
            total: amount(totalMinor), placedAt: placedAt, updatedAt: updatedAt ?? placedAt, confirmedAt: confirmedAt,
            shippedAt: shippedAt, deliveredAt: deliveredAt, cancelledAt: cancelledAt)
    }
}
