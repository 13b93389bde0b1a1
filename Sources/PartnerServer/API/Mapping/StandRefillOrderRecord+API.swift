import Foundation
import PartnerAPI
import PartnerCore

extension StandRefillOrderRecord {
    /// Needs `lines` loaded.
    var api: Components.Schemas.StandRefill {
        get throws {
            let currency = money
            func amount(_ minor: Int64) -> Components.Schemas.Money { .init(Money(minorUnits: minor, currency: currency)) }
            return Components.Schemas.StandRefill(
                id: try requireID().apiString, number: number, standId: $stand.id.apiString, locationId: $location.id.apiString,
                status: .init(status), source: Components.Schemas.RefillSource(rawValue: source) ?? .manual, note: note,
                lines: lines.sorted { $0.lineNumber < $1.lineNumber }.map {
                    .init(
                        sku: $0.sku, name: $0.name, requestedQuantity: $0.requestedQuantity, quantity: $0.quantity,
                        deliveredQuantity: $0.deliveredQuantity, listPrice: amount($0.listPriceMinor), unitPrice: amount($0.unitPriceMinor),
                        priceSource: .init($0.priceSource), lineTotal: amount($0.lineTotalMinor))
                },
                total: amount(totalMinor), requestedAt: requestedAt, approvedAt: approvedAt, shippedAt: shippedAt, deliveredAt: deliveredAt,
                confirmedAt: confirmedAt, rejectedAt: rejectedAt, cancelledAt: cancelledAt,
                paymentDueDate: paymentDueDate.map(CalendarDay.format), updatedAt: updatedAt)
        }
    }
}
