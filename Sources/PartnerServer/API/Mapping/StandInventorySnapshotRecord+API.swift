import Foundation
import PartnerAPI
import PartnerCore

extension StandInventorySnapshotRecord {
    /// Needs `lines` loaded. Shrinkage values are at unit cost, so only callers who may read costs
    /// get them (a partner could otherwise divide by the units and learn the cost).
    func api(showingCosts: Bool) throws -> Components.Schemas.InventorySnapshot {
        let money = Currency(currency) ?? .eur
        func amount(_ minor: Int64) -> Components.Schemas.Money? {
            showingCosts ? .init(Money(minorUnits: minor, currency: money)) : nil
        }
        return Components.Schemas.InventorySnapshot(
            id: try requireID().apiString, standId: $stand.id.apiString, locationId: $location.id.apiString, takenAt: takenAt,
            source: Components.Schemas.SnapshotSource(rawValue: source) ?? .count, note: note,
            lines: lines.sorted { $0.sku < $1.sku }.map {
                .init(
                    sku: $0.sku, expected: $0.expected, counted: $0.counted, soldSince: $0.soldSince,
                    deliveredSince: $0.deliveredSince, onHandAfter: $0.onHandAfter, variance: $0.counted - $0.expected,
                    shrinkageUnits: max(0, $0.expected - $0.counted), shrinkageValue: amount($0.shrinkageMinor))
            },
            variance: variance, shrinkageUnits: shrinkageUnits, shrinkageValue: amount(shrinkageMinor), createdAt: createdAt)
    }
}
