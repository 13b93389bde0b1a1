import Fluent
import Foundation
import PartnerCore

/// Records a sale at a stand in one transaction: the shelf goes down (never below zero, the rest
/// is kept as a shortfall for the next count), points accrue, and the low-stock policy runs.
struct StandSaleService {
    struct Line: Sendable {
        let sku: String
        let quantity: Int
        let unitPrice: Money?
        let index: Int
    }

    struct Payment: Sendable {
        let method: String
        let reference: String?
        let qrCodeID: String?
    }

    struct Sale: Sendable {
        let locationID: UUID?
        let soldAt: Date
        let lines: [Line]
        let payment: Payment?
        let recordedBy: UUID
    }

    let idempotency: IdempotencyStore
    let loyalty: StandLoyaltyService
    let lowStock: LowStockPolicy
    let clock: AppClock

    /// Records the sale once per idempotent request, in one transaction after the stand's lock;
    /// `render` is the entrance's view of it, stored for replays.
    func record<Response: Codable & Sendable>(
        _ sale: Sale, stand standID: UUID, replaySafe request: IdempotentRequest,
        render: @escaping @Sendable (StandSale) throws -> Response
    ) async throws -> Response {
        let now = clock.now
        return try await idempotency.perform(request) { db in
            try render(try await record(sale, stand: standID, on: db, at: now))
        }
    }

    private func record(_ sale: Sale, stand standID: UUID, on db: any Database, at now: Date) async throws -> StandSale {
        _ = try await db.lockActivePartner(standID)
        guard let stand = try await StandPartnerRecord.find(standID, on: db) else { throw DomainError.notFound("No stand with this id.") }
        let location = try await Self.location(sale.locationID, of: standID, on: db)
        let locationID = try location.requireID()
        let shelf = try await StandInventoryRecord.query(on: db).filter(\.$location.$id == locationID).with(\.$product).all()
        try await StandReorderPoints.apply(to: shelf, at: locationID, on: db, now: now)
        let bySKU = Dictionary(shelf.map { ($0.sku, $0) }, uniquingKeysWith: { first, _ in first })
        var validator = FieldValidator()
        var prices: [String: Money] = [:]
        for line in sale.lines {
            guard let stocked = bySKU[line.sku] else {
                validator.fail("items[\(line.index)].sku", "'\(line.sku)' is not on this location's planogram")
                continue
            }
            prices[line.sku] = StandSalePricing.unitPrice(
                declared: line.unitPrice, listPrice: stocked.product.listPrice, field: "items[\(line.index)].unitPrice", into: &validator)
        }
        try validator.finish()

        let order = StandOrderRecord()
        order.number = DocumentNumber.make("SR", at: now)
        order.$stand.id = standID
        order.$location.id = locationID
        order.sell(at: sale.soldAt)
        order.currency = bySKU[sale.lines[0].sku]?.product.currency ?? Currency.eur.code
        order.paymentMethod = sale.payment?.method
        order.paymentReference = sale.payment?.reference
        order.qrCodeID = sale.payment?.qrCodeID
        order.createdBy = sale.recordedBy
        order.createdAt = now
        var items: [StandOrderItemRecord] = []
        var crossed: [String] = []
        for (number, line) in sale.lines.enumerated() {
            guard let stocked = bySKU[line.sku] else { continue }
            let unitPrice = prices[line.sku]?.minorUnits ?? stocked.product.listPriceMinor
            let (after, shortfall) = stocked.level.selling(line.quantity)
            if stocked.level.crossesLowLine(selling: line.quantity) { crossed.append(stocked.sku) }
            stocked.unreconciledShortfall += shortfall
            try await StandStock.setOnHand(stocked, to: after.onHand, at: now, on: db)
            let item = StandOrderItemRecord()
            item.$product.id = stocked.$product.id
            item.lineNumber = number + 1
            item.sku = stocked.sku
            item.name = stocked.product.name
            item.quantity = line.quantity
            item.listPriceMinor = stocked.product.listPriceMinor
            item.unitPriceMinor = unitPrice
            item.lineTotalMinor = try Checked.multiply(unitPrice, Int64(line.quantity), field: "items[\(line.index)]")
            item.shortfall = shortfall
            items.append(item)
        }
        order.totalMinor = try StandSalePricing.total(of: items.map(\.lineTotalMinor))
        order.units = try Checked.sum(items.map(\.quantity), field: "items")
        order.lowStockSKUs = crossed.joined(separator: ",")
        order.pointsEarned = 0
        try await order.create(on: db)
        let orderID = try order.requireID()
        for item in items {
            item.$order.id = orderID
            try await item.create(on: db)
        }
        order.$items.value = items
        order.pointsEarned = try await loyalty.earn(for: order, package: stand.packageLevel, joinedAt: stand.joinedAt, on: db, at: now)
        order.refillID = try await lowStock.react(to: crossed, stand: stand, location: location, on: db, at: now)?.requireID()
        try await order.update(on: db)
        try await EventOutbox.append(StandEvents.saleRecorded(order), on: db, at: now)
        return try order.value(items: items)
    }

    /// The given location of the stand, or its only one; 422 otherwise.
    static func location(_ id: UUID?, of standID: UUID, on db: any Database, field: String = "locationId") async throws
        -> StandLocationRecord
    {
        let query = StandLocationRecord.query(on: db).filter(\.$stand.$id == standID)
        if let id {
            guard let location = try await query.filter(\.$id == id).first() else {
                throw ValidationFailure(field: field, message: "is not a location of this stand")
            }
            return location
        }
        let all = try await query.limit(2).all()
        guard all.count == 1 else { throw ValidationFailure(field: field, message: "is required: the stand has several locations") }
        return all[0]
    }
}
