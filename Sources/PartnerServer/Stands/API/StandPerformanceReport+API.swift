import Foundation
import PartnerAPI
import PartnerCore

extension StandPerformanceService.Report {
    func api(standID: UUID) -> Components.Schemas.StandPerformance {
        func amount(_ minor: Int64) -> Components.Schemas.Money { .init(Money(minorUnits: minor, currency: currency)) }
        let skuRows = skus.map {
            Components.Schemas.StandSkuPerformance(
                sku: $0.sku, name: $0.name, units: $0.units, revenue: amount($0.revenueMinor), onHand: $0.onHand,
                daysOfCover: $0.daysOfCover)
        }
        return Components.Schemas.StandPerformance(
            standId: standID.apiString, from: CalendarDay.format(from), to: CalendarDay.format(through), revenue: amount(revenueMinor),
            units: units, salesCount: salesCount, averageBasket: amount(salesCount > 0 ? revenueMinor / Int64(salesCount) : 0),
            sellThroughPercent: sellThroughPercent, stockOutDays: stockOutDays, daysOfCover: daysOfCover,
            refillLeadTimeDays: refillLeadTimeDays, loyaltyPointsEarned: pointsEarned, rankPercentile: rankPercentile, peerCount: peerCount,
            locations: locations.map {
                .init(
                    locationId: $0.location.id.apiString, name: $0.location.name, revenue: amount($0.revenueMinor),
                    units: $0.units, salesCount: $0.salesCount, stockOutDays: $0.stockOutDays)
            },
            skus: skuRows, topSellers: Array(skuRows.prefix(5)), bottomSellers: Array(skuRows.suffix(5).reversed()))
    }
}
