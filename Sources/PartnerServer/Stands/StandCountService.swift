import Fluent
import Foundation
import PartnerCore

/// Records an inventory count: expected against counted per line, shrinkage at unit cost; on-hand
/// becomes the count and the shortfall is reconciled. A count that takes a SKU to its minimum runs
/// the low-stock policy like a sale. Runs inside the caller's transaction (the idempotency store's).
struct StandCountService {
    struct Count: Sendable {
        let locationID: UUID
        let takenAt: Date
        let source: String
        let note: String?
        let lines: [(sku: String, counted: Int, index: Int)]
        let countedBy: UUID
    }

    let lowStock: LowStockPolicy

    func record(_ count: Count, stand standID: UUID, on db: any Database, at now: Date = Date()) async throws
        -> StandInventorySnapshotRecord
    {
        try await db.lockPartner(standID)
        guard let stand = try await StandPartnerRecord.find(standID, on: db) else { throw DomainError.notFound("No stand with this id.") }
        let location = try await StandSaleService.location(count.locationID, of: standID, on: db)
        let shelf = try await StandInventoryRecord.query(on: db).filter(\.$location.$id == count.locationID).with(\.$product).all()
        let bySKU = Dictionary(firstValues: shelf.map { ($0.sku, $0) })
        var validator = FieldValidator()
        for line in count.lines where bySKU[line.sku] == nil {
            validator.fail("lines[\(line.index)].sku", "'\(line.sku)' is not on this location's planogram")
        }
        try validator.finish()

        let snapshot = StandInventorySnapshotRecord()
        snapshot.$stand.id = standID
        snapshot.$location.id = count.locationID
        snapshot.takenAtMillis = PartnerOrderRecord.millis(count.takenAt)
        snapshot.takenAt = Date(timeIntervalSince1970: Double(snapshot.takenAtMillis) / 1000)
        snapshot.source = count.source
        snapshot.note = count.note
        snapshot.createdBy = count.countedBy
        snapshot.createdAt = now
        var lines: [StandInventorySnapshotLineRecord] = []
        var crossed: [String] = []
        for counted in count.lines {
            guard let stocked = bySKU[counted.sku] else { continue }
            let variance = SnapshotVariance(sku: stocked.sku, expected: stocked.onHand, counted: counted.counted)
            let unitCost = Money(minorUnits: stocked.product.unitCostMinor ?? 0, currency: Currency(stocked.product.currency) ?? .eur)
            let line = StandInventorySnapshotLineRecord()
            line.sku = stocked.sku
            line.expected = variance.expected
            line.counted = variance.counted
            line.shrinkageMinor = variance.shrinkageValue(unitCost: unitCost).minorUnits
            lines.append(line)
            if !stocked.level.isLow && counted.counted <= stocked.minLevel { crossed.append(stocked.sku) }
            stocked.unreconciledShortfall = 0
            try await StandStock.setOnHand(stocked, to: counted.counted, at: now, on: db)
        }
        snapshot.currency = shelf.first?.product.currency ?? Currency.eur.code
        snapshot.variance = lines.reduce(0) { $0 + $1.counted - $1.expected }
        snapshot.shrinkageUnits = lines.reduce(0) { $0 + max(0, $1.expected - $1.counted) }
        snapshot.shrinkageMinor = lines.reduce(0) { $0 + $1.shrinkageMinor }
        try await snapshot.create(on: db)
        let snapshotID = try snapshot.requireID()
        for line in lines {
            line.$snapshot.id = snapshotID
            try await line.create(on: db)
        }
        snapshot.$lines.value = lines
        try await EventOutbox.append(StandEvents.counted(snapshot), on: db, at: now)
        _ = try await lowStock.react(to: crossed, stand: stand, location: location, on: db, at: now)
        return snapshot
    }
}
