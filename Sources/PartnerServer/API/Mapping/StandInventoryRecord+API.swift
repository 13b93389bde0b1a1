import Foundation
import PartnerAPI
import PartnerCore

extension StandInventoryRecord {
    /// Needs `product` loaded; `dailyDemand` is the average units sold a day.
    func api(dailyDemand: Double) -> Components.Schemas.StandInventoryLine {
        Components.Schemas.StandInventoryLine(
            sku: sku, name: product.name, onHand: onHand, onOrder: onOrder, parLevel: parLevel, minLevel: minLevel, low: level.isLow,
            unreconciledShortfall: unreconciledShortfall, averageDailyUnits: StandKPI.rounded(dailyDemand) ?? 0,
            daysOfCover: StandKPI.rounded(level.daysOfCover(dailyDemand: dailyDemand)))
    }
}
