import Foundation
import PartnerAPI
import PartnerCore

extension StandOrderRecord {
    /// Needs `items` loaded.
    var api: Components.Schemas.StandSale {
        get throws {
            let currency = money
            func amount(_ minor: Int64) -> Components.Schemas.Money { .init(Money(minorUnits: minor, currency: currency)) }
            return Components.Schemas.StandSale(
                id: try requireID().apiString, number: number, standId: $stand.id.apiString, locationId: $location.id.apiString,
                soldAt: soldAt,
                items: items.sorted { $0.lineNumber < $1.lineNumber }.map {
                    .init(
                        sku: $0.sku, name: $0.name, quantity: $0.quantity, listPrice: amount($0.listPriceMinor),
                        unitPrice: amount($0.unitPriceMinor),
                        // At most list price (≤ 10^10) × quantity (≤ 10^5): within Int64.
                        discount: amount(($0.listPriceMinor - $0.unitPriceMinor) * Int64($0.quantity)),
                        lineTotal: amount($0.lineTotalMinor), shortfall: $0.shortfall)
                },
                units: units, total: amount(totalMinor),
                payment: paymentMethod.flatMap(Components.Schemas.PaymentMethod.init(rawValue:)).map {
                    .init(method: $0, reference: paymentReference, qrCodeId: qrCodeID)
                },
                pointsEarned: pointsEarned, lowStockSkus: lowStockSKUs.split(separator: ",").map(String.init),
                refillId: refillID?.apiString, createdAt: createdAt)
        }
    }
}
