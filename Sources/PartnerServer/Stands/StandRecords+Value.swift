import Foundation
import PartnerCore

// Stand records as the values services hand to entrances.

extension StandLocationRecord {
    var value: StandLocation {
        get throws {
            StandLocation(
                id: try requireID(), standID: $stand.id, name: name, venueType: venueType, address: address, city: city, region: region,
                country: country, latitude: latitude, longitude: longitude, capacityFacings: capacityFacings, createdAt: createdAt)
        }
    }
}

extension StandInventoryRecord {
    /// Needs `product` loaded.
    var value: ShelfLine {
        ShelfLine(locationID: $location.id, sku: sku, name: product.name, level: level, unreconciledShortfall: unreconciledShortfall)
    }
}

extension StandOrderRecord {
    /// Needs `items` loaded.
    var value: StandSale {
        get throws { try value(items: items) }
    }

    func value(items: [StandOrderItemRecord]) throws -> StandSale {
        let currency = money
        func amount(_ minor: Int64) -> Money { Money(minorUnits: minor, currency: currency) }
        return StandSale(
            id: try requireID(), number: number, standID: $stand.id, locationID: $location.id, soldAt: soldAt,
            lines: items.sorted { $0.lineNumber < $1.lineNumber }.map {
                StandSale.Line(
                    sku: $0.sku, name: $0.name, quantity: $0.quantity, listPrice: amount($0.listPriceMinor),
                    unitPrice: amount($0.unitPriceMinor), lineTotal: amount($0.lineTotalMinor), shortfall: $0.shortfall)
            },
            units: units, total: amount(totalMinor),
            payment: paymentMethod.map { StandSale.Payment(method: $0, reference: paymentReference, qrCodeID: qrCodeID) },
            pointsEarned: pointsEarned, lowStockSKUs: lowStockSKUs.split(separator: ",").map(String.init), refillID: refillID,
            createdAt: createdAt)
    }
}

extension StandRefillOrderRecord {
    /// Needs `lines` loaded.
    var value: StandRefill {
        get throws { try value(lines: lines) }
    }

    func value(lines: [StandRefillOrderLineRecord]) throws -> StandRefill {
        let currency = money
        func amount(_ minor: Int64) -> Money { Money(minorUnits: minor, currency: currency) }
        return StandRefill(
            id: try requireID(), number: number, standID: $stand.id, locationID: $location.id, status: status, source: source, note: note,
            lines: lines.sorted { $0.lineNumber < $1.lineNumber }.map {
                StandRefill.Line(
                    sku: $0.sku, name: $0.name, requestedQuantity: $0.requestedQuantity, quantity: $0.quantity,
                    deliveredQuantity: $0.deliveredQuantity, listPrice: amount($0.listPriceMinor), unitPrice: amount($0.unitPriceMinor),
                    priceSource: $0.priceSource, lineTotal: amount($0.lineTotalMinor))
            },
            total: amount(totalMinor), requestedAt: requestedAt, approvedAt: approvedAt, shippedAt: shippedAt, deliveredAt: deliveredAt,
            confirmedAt: confirmedAt, rejectedAt: rejectedAt, cancelledAt: cancelledAt, paymentDueDate: paymentDueDate, updatedAt: updatedAt
        )
    }
}

extension StandInventorySnapshotRecord {
    /// Needs `lines` loaded.
    var value: InventoryCount {
        get throws { try value(lines: lines) }
    }

    func value(lines: [StandInventorySnapshotLineRecord]) throws -> InventoryCount {
        let currency = Currency(currency) ?? .eur
        return InventoryCount(
            id: try requireID(), standID: $stand.id, locationID: $location.id, takenAt: takenAt, source: source, note: note,
            lines: lines.sorted { $0.sku < $1.sku }.map {
                InventoryCount.Line(
                    sku: $0.sku, expected: $0.expected, counted: $0.counted, soldSince: $0.soldSince, deliveredSince: $0.deliveredSince,
                    onHandAfter: $0.onHandAfter, shrinkageValue: Money(minorUnits: $0.shrinkageMinor, currency: currency))
            },
            variance: variance, shrinkageUnits: shrinkageUnits, shrinkageValue: Money(minorUnits: shrinkageMinor, currency: currency),
            createdAt: createdAt)
    }
}

extension StandLoyaltyLedgerRecord {
    var value: LoyaltyEntry {
        get throws {
            LoyaltyEntry(
                id: try requireID(), kind: kind, points: points, occurredAt: occurredAt, expiresAt: nil, reference: reference, note: note)
        }
    }
}

extension PartnerAlertRecord {
    var value: PartnerAlert {
        get throws {
            PartnerAlert(
                id: try requireID(), partnerID: $partner.id, kind: kind, severity: AlertSeverity(rawValue: severity) ?? .info, title: title,
                message: message, link: link, subjectType: subjectType, subjectID: subjectID, readAt: readAt, createdAt: createdAt)
        }
    }
}

extension HQAlertRecord {
    var value: HQAlert {
        get throws {
            HQAlert(
                id: try requireID(), partnerID: partnerID, kind: kind, severity: AlertSeverity(rawValue: severity) ?? .info, title: title,
                message: message, link: link, subjectType: subjectType, subjectID: subjectID, readAt: readAt, createdAt: createdAt)
        }
    }
}
