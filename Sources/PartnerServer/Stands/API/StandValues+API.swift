import Foundation
import PartnerAPI
import PartnerCore

extension StandLocation {
    var api: Components.Schemas.StandLocation {
        Components.Schemas.StandLocation(
            id: id.apiString, standId: standID.apiString, name: name,
            venueType: Components.Schemas.VenueType(rawValue: venueType) ?? .other,
            address: address, city: city, region: region, country: country, latitude: latitude, longitude: longitude,
            capacityFacings: capacityFacings, createdAt: createdAt)
    }
}

extension ShelfLine {
    /// `dailyDemand` is the average units sold a day.
    func api(dailyDemand: Double) -> Components.Schemas.StandInventoryLine {
        Components.Schemas.StandInventoryLine(
            sku: sku, name: name, onHand: level.onHand, onOrder: level.onOrder, parLevel: level.parLevel, minLevel: level.minLevel,
            low: level.isLow, unreconciledShortfall: unreconciledShortfall, averageDailyUnits: StandKPI.rounded(dailyDemand) ?? 0,
            daysOfCover: StandKPI.rounded(level.daysOfCover(dailyDemand: dailyDemand)))
    }
}

extension StandSale {
    var api: Components.Schemas.StandSale {
        Components.Schemas.StandSale(
            id: id.apiString, number: number, standId: standID.apiString, locationId: locationID.apiString, soldAt: soldAt,
            items: lines.map {
                .init(
                    sku: $0.sku, name: $0.name, quantity: $0.quantity, listPrice: .init($0.listPrice), unitPrice: .init($0.unitPrice),
                    discount: .init($0.discount), lineTotal: .init($0.lineTotal), shortfall: $0.shortfall)
            },
            units: units, total: .init(total),
            payment: payment.flatMap { payment in
                Components.Schemas.PaymentMethod(rawValue: payment.method).map {
                    .init(method: $0, reference: payment.reference, qrCodeId: payment.qrCodeID)
                }
            },
            pointsEarned: pointsEarned, lowStockSkus: lowStockSKUs, refillId: refillID?.apiString, createdAt: createdAt)
    }
}

extension StandRefill {
    var api: Components.Schemas.StandRefill {
        Components.Schemas.StandRefill(
            id: id.apiString, number: number, standId: standID.apiString, locationId: locationID.apiString, status: .init(status),
            source: Components.Schemas.RefillSource(rawValue: source) ?? .manual, note: note,
            lines: lines.map {
                .init(
                    sku: $0.sku, name: $0.name, requestedQuantity: $0.requestedQuantity, quantity: $0.quantity,
                    deliveredQuantity: $0.deliveredQuantity, listPrice: .init($0.listPrice), unitPrice: .init($0.unitPrice),
                    priceSource: .init($0.priceSource), lineTotal: .init($0.lineTotal))
            },
            total: .init(total), requestedAt: requestedAt, approvedAt: approvedAt, shippedAt: shippedAt, deliveredAt: deliveredAt,
            confirmedAt: confirmedAt, rejectedAt: rejectedAt, cancelledAt: cancelledAt,
            paymentDueDate: paymentDueDate.map(CalendarDay.format),
            updatedAt: updatedAt)
    }
}

extension InventoryCount {
    /// Shrinkage values are at unit cost, so only callers who may read costs get them (a partner
    /// could otherwise divide by the units and learn the cost).
    func api(showingCosts: Bool) -> Components.Schemas.InventorySnapshot {
        func cost(_ money: Money) -> Components.Schemas.Money? { showingCosts ? .init(money) : nil }
        return Components.Schemas.InventorySnapshot(
            id: id.apiString, standId: standID.apiString, locationId: locationID.apiString, takenAt: takenAt,
            source: Components.Schemas.SnapshotSource(rawValue: source) ?? .count, note: note,
            lines: lines.map {
                .init(
                    sku: $0.sku, expected: $0.expected, counted: $0.counted, soldSince: $0.soldSince, deliveredSince: $0.deliveredSince,
                    onHandAfter: $0.onHandAfter, variance: $0.variance, shrinkageUnits: $0.shrinkageUnits,
                    shrinkageValue: cost($0.shrinkageValue))
            },
            variance: variance, shrinkageUnits: shrinkageUnits, shrinkageValue: cost(shrinkageValue), createdAt: createdAt)
    }
}

extension StandDetails {
    func api(showingCosts: Bool) -> Components.Schemas.StandDetails {
        Components.Schemas.StandDetails(
            stand: summary.api, partner: summary.partner.api,
            locations: locations.map { entry in
                Components.Schemas.StandLocationInventory(
                    location: entry.location.api, inventory: entry.shelf.map { $0.line.api(dailyDemand: $0.dailyDemand) })
            },
            openRefills: openRefills.map(\.api), loyaltyBalance: loyaltyBalance,
            latestSnapshot: latestCount?.api(showingCosts: showingCosts))
    }
}
