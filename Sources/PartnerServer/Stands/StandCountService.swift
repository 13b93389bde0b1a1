import Fluent
import Foundation
import PartnerCore

/// Records an inventory count as of the moment it was taken (`CountAsOf`): expected and the new
/// on-hand both account for the sales and deliveries recorded since, so a count that arrives late
/// never overwrites them; a count older than the location's latest is refused. Shrinkage is valued
/// at unit cost. A count that takes a SKU to its minimum runs the low-stock policy like a sale.
/// Owns its transaction; the stand's lock comes first.
struct StandCountService {
    struct Count: Sendable {
        let locationID: UUID
        let takenAt: Date
        let source: String
        let note: String?
        let lines: [(sku: String, counted: Int, index: Int)]
        let countedBy: UUID
    }

    let idempotency: IdempotencyStore
    let lowStock: LowStockPolicy
    let clock: AppClock

    /// Records the count once per idempotent request, in one transaction after the stand's lock.
    func record<Response: Codable & Sendable>(
        _ count: Count, stand standID: UUID, replaySafe request: IdempotentRequest,
        render: @escaping @Sendable (InventoryCount) throws -> Response
    ) async throws -> Response {
        let now = clock.now
        return try await idempotency.perform(request) { db in
            try render(try await record(count, stand: standID, on: db, at: now))
        }
    }

    private func record(_ count: Count, stand standID: UUID, on db: any Database, at now: Date) async throws -> InventoryCount {
        try await db.lockPartner(standID)
        guard let stand = try await StandPartnerRecord.find(standID, on: db) else { throw DomainError.notFound("No stand with this id.") }
        let location = try await StandSaleService.location(count.locationID, of: standID, on: db)
        let takenAtMillis = PartnerOrderRecord.millis(count.takenAt)
        if let latest = try await StandInventorySnapshotRecord.query(on: db).filter(\.$location.$id == count.locationID)
            .sort(\.$takenAtMillis, .descending).first(), latest.takenAtMillis > takenAtMillis
        {
            throw DomainError.conflict(
                "This location was last counted at \(latest.takenAt.formatted(.iso8601)); a count taken before it cannot be applied.")
        }
        let movements = try await Self.movements(at: count.locationID, since: count.takenAt, on: db)
        let shelf = try await StandInventoryRecord.query(on: db).filter(\.$location.$id == count.locationID).with(\.$product).all()
        try await StandReorderPoints.apply(to: shelf, at: count.locationID, on: db, now: now)
        let bySKU = Dictionary(firstValues: shelf.map { ($0.sku, $0) })
        var validator = FieldValidator()
        for line in count.lines where bySKU[line.sku] == nil {
            validator.fail("lines[\(line.index)].sku", "'\(line.sku)' is not on this location's planogram")
        }
        try validator.finish()

        let snapshot = StandInventorySnapshotRecord()
        snapshot.$stand.id = standID
        snapshot.$location.id = count.locationID
        snapshot.takenAtMillis = takenAtMillis
        snapshot.takenAt = Date(timeIntervalSince1970: Double(snapshot.takenAtMillis) / 1000)
        snapshot.source = count.source
        snapshot.note = count.note
        snapshot.createdBy = count.countedBy
        snapshot.createdAt = now
        var lines: [StandInventorySnapshotLineRecord] = []
        var crossed: [String] = []
        for counted in count.lines {
            guard let stocked = bySKU[counted.sku] else { continue }
            let applied = CountAsOf(
                counted: counted.counted, onHandNow: stocked.onHand, soldSince: movements.sold[stocked.sku] ?? 0,
                deliveredSince: movements.delivered[stocked.sku] ?? 0)
            let variance = SnapshotVariance(sku: stocked.sku, expected: applied.expected, counted: counted.counted)
            let unitCost = Money(minorUnits: stocked.product.unitCostMinor ?? 0, currency: Currency(stocked.product.currency) ?? .eur)
            let line = StandInventorySnapshotLineRecord()
            line.sku = stocked.sku
            line.expected = variance.expected
            line.counted = variance.counted
            line.shrinkageMinor = try variance.shrinkageValue(unitCost: unitCost).minorUnits
            line.soldSince = applied.soldSince
            line.deliveredSince = applied.deliveredSince
            line.onHandAfter = applied.onHand
            lines.append(line)
            if !stocked.level.isLow && stocked.level.counted(applied.onHand).isLow { crossed.append(stocked.sku) }
            stocked.unreconciledShortfall = applied.shortfall
            try await StandStock.setOnHand(stocked, to: applied.onHand, at: now, on: db)
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
        return try snapshot.value(lines: lines)
    }

    /// Units sold (by `soldAt`) and delivered (by delivery time) at the location after `since`.
    private static func movements(at locationID: UUID, since: Date, on db: any Database) async throws -> (
        sold: [String: Int], delivered: [String: Int]
    ) {
        struct Sold: Decodable {
            let sku: String
            let units: Int
        }
        let sold = try await db.sql().raw(
            """
            SELECT i.sku AS sku, CAST(SUM(i.quantity) AS BIGINT) AS units
            FROM \(ident: StandOrderItemRecord.schema) i JOIN \(ident: StandOrderRecord.schema) o ON o.id = i.order_id
            WHERE o.location_id = \(bind: locationID) AND o.sold_at_ms > \(bind: PartnerOrderRecord.millis(since))
            GROUP BY i.sku
            """
        ).all(decoding: Sold.self)
        let refills = try await StandRefillOrderRecord.query(on: db).filter(\.$location.$id == locationID)
            .filter(\.$deliveredAt > since).with(\.$lines).all()
        var delivered: [String: Int] = [:]
        for line in refills.flatMap(\.lines) { delivered[line.sku, default: 0] += line.deliveredQuantity ?? 0 }
        return (Dictionary(firstValues: sold.map { ($0.sku, $0.units) }), delivered)
    }
}
