import Foundation
import PartnerAPI
import PartnerCore

extension StandRepository.Summary {
    var api: Components.Schemas.Stand {
        get throws {
            let id = try stand.requireID()
            let rate = Double(stand.loyaltyRateMilli) / 1_000
            return Components.Schemas.Stand(
                id: id.apiString,
                partner: .init(
                    id: id.apiString, companyName: partner.companyName, region: partner.region, country: partner.country, city: partner.city,
                    status: .init(partner.status)),
                packageLevel: .init(stand.packageLevel), commissionBasisPoints: stand.commissionBasisPoints,
                loyaltyPointsPerUnit: rate == rate.rounded() ? String(Int(rate)) : String(rate), autoRefill: stand.autoRefill,
                locationCount: locationCount, lowStockLines: lowStockLines, joinedAt: stand.joinedAt)
        }
    }
}

extension StandLocationRecord {
    var api: Components.Schemas.StandLocation {
        get throws {
            Components.Schemas.StandLocation(
                id: try requireID().apiString, standId: $stand.id.apiString, name: name,
                venueType: Components.Schemas.VenueType(rawValue: venueType) ?? .other, address: address, city: city, region: region,
                country: country, latitude: latitude, longitude: longitude, capacityFacings: capacityFacings, createdAt: createdAt)
        }
    }
}

extension StandInventoryRecord {
    /// Needs `product` loaded; `dailyDemand` is the average units sold a day.
    func api(dailyDemand: Double) -> Components.Schemas.StandInventoryLine {
        Components.Schemas.StandInventoryLine(
            sku: sku, name: product.name, onHand: onHand, onOrder: onOrder, parLevel: parLevel, minLevel: minLevel, low: level.isLow,
            unreconciledShortfall: unreconciledShortfall, averageDailyUnits: StandKPI.rounded(dailyDemand) ?? 0,
            daysOfCover: StandKPI.rounded(level.daysOfCover(dailyDemand: dailyDemand)))
    }
}

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
                        sku: $0.sku, name: $0.name, quantity: $0.quantity, unitPrice: amount($0.unitPriceMinor),
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

extension StandInventorySnapshotRecord {
    /// Needs `lines` loaded.
    var api: Components.Schemas.InventorySnapshot {
        get throws {
            let money = Currency(currency) ?? .eur
            func amount(_ minor: Int64) -> Components.Schemas.Money { .init(Money(minorUnits: minor, currency: money)) }
            return Components.Schemas.InventorySnapshot(
                id: try requireID().apiString, standId: $stand.id.apiString, locationId: $location.id.apiString, takenAt: takenAt,
                source: Components.Schemas.SnapshotSource(rawValue: source) ?? .count, note: note,
                lines: lines.sorted { $0.sku < $1.sku }.map {
                    .init(
                        sku: $0.sku, expected: $0.expected, counted: $0.counted, variance: $0.counted - $0.expected,
                        shrinkageUnits: max(0, $0.expected - $0.counted), shrinkageValue: amount($0.shrinkageMinor))
                },
                variance: variance, shrinkageUnits: shrinkageUnits, shrinkageValue: amount(shrinkageMinor), createdAt: createdAt)
        }
    }
}

extension StandLoyaltyLedgerRecord {
    var api: Components.Schemas.LoyaltyEntry {
        get throws {
            Components.Schemas.LoyaltyEntry(
                id: try requireID().apiString, kind: .init(kind), points: points, occurredAt: occurredAt, reference: reference, note: note)
        }
    }
}

extension StandPayoutRecord {
    var api: Components.Schemas.StandPayout {
        let money = Currency(currency) ?? .eur
        return Components.Schemas.StandPayout(
            standId: $stand.id.apiString, period: period, status: .due, sales: .init(Money(minorUnits: salesMinor, currency: money)),
            commissionBasisPoints: commissionBasisPoints, commission: .init(Money(minorUnits: commissionMinor, currency: money)),
            closedAt: closedAt)
    }
}

extension PartnerAlertRecord {
    var api: Components.Schemas.PartnerAlert {
        get throws {
            Components.Schemas.PartnerAlert(
                id: try requireID().apiString, partnerId: $partner.id.apiString, kind: kind,
                severity: Components.Schemas.AlertSeverity(rawValue: severity) ?? .info, title: title, message: message,
                subjectType: subjectType, subjectId: subjectID?.apiString, createdAt: createdAt)
        }
    }
}
