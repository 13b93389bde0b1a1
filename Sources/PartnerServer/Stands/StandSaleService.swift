import Fluent
import Foundation
import PartnerCore
import SQLKit

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
        return try await DocumentNumber.retryingTaken {
            try await idempotency.perform(request) { db in
                try render(try await record(sale, stand: standID, on: db, at: now))
            }
        }
    }

    /// About a dozen statements whatever the stand's history: the stand (locked) and the shelf are
    /// read once, the sold lines updated in one statement, the sale and its lines inserted once
    /// each, its events in one statement.
    private func record(_ sale: Sale, stand standID: UUID, on db: any Database, at now: Date) async throws -> StandSale {
        let sql = try db.sql()
        let (stand, locationID) = try await SaleShelf.activeStand(standID, location: sale.locationID, on: db)
        let currentSince = PartnerOrderRecord.millis(now.addingTimeInterval(-StandReorderPoints.currentFor))
        let shelf = Dictionary(
            firstValues: try await SaleShelf.lines(at: locationID, of: standID, currentSince: currentSince, on: db).map { ($0.sku, $0) })
        var validator = FieldValidator()
        var prices: [String: Money] = [:]
        for line in sale.lines {
            guard let stocked = shelf[line.sku] else {
                validator.fail("items[\(line.index)].sku", "'\(line.sku)' is not on this location's planogram")
                continue
            }
            prices[line.sku] = StandSalePricing.unitPrice(
                declared: line.unitPrice, listPrice: stocked.listPrice, field: "items[\(line.index)].unitPrice", into: &validator)
        }
        try validator.finish()

        let order = StandOrderRecord()
        order.id = UUID()
        order.number = DocumentNumber.make("SR", at: now)
        order.$stand.id = standID
        order.$location.id = locationID
        order.sell(at: sale.soldAt)
        order.currency = shelf[sale.lines[0].sku]?.currency ?? Currency.eur.code
        order.paymentMethod = sale.payment?.method
        order.paymentReference = sale.payment?.reference
        order.qrCodeID = sale.payment?.qrCodeID
        order.createdBy = sale.recordedBy
        order.createdAt = now
        var items: [StandOrderItemRecord] = []
        var crossed: [String] = []
        var moves: [StandStock.Move] = []
        for (number, line) in sale.lines.enumerated() {
            guard let stocked = shelf[line.sku] else { continue }
            let unitPrice = prices[line.sku]?.minorUnits ?? stocked.listPriceMinor
            let (after, shortfall) = stocked.level.selling(line.quantity)
            if stocked.level.crossesLowLine(selling: line.quantity) { crossed.append(stocked.sku) }
            moves.append(
                StandStock.Move(
                    line: stocked, onHand: after.onHand,
                    shortfall: try Checked.sum([stocked.unreconciledShortfall, shortfall], field: "items")))
            let item = StandOrderItemRecord()
            item.id = UUID()
            item.file(under: order, saleID: try order.requireID())
            item.$product.id = stocked.productId
            item.lineNumber = number + 1
            item.sku = stocked.sku
            item.name = stocked.name
            item.quantity = line.quantity
            item.listPriceMinor = stocked.listPriceMinor
            item.unitPriceMinor = unitPrice
            item.lineTotalMinor = try Checked.multiply(unitPrice, Int64(line.quantity), field: "items[\(line.index)]")
            item.shortfall = shortfall
            items.append(item)
        }
        try await StandStock.sell(moves, stand: standID, location: locationID, at: now, on: db)
        order.totalMinor = try StandSalePricing.total(of: items.map(\.lineTotalMinor))
        order.units = try Checked.sum(items.map(\.quantity), field: "items")
        order.lowStockSKUs = crossed.joined(separator: ",")
        let earned = try await loyalty.earn(
            for: order, package: stand.packageLevel, joinedAt: stand.joinedAt, lifetimeBefore: stand.lifetimeSalesMinor, on: db, at: now)
        order.pointsEarned = earned.points
        if !crossed.isEmpty,
            let standRecord = try await StandPartnerRecord.find(standID, on: db),
            let location = try await StandLocationRecord.find(locationID, on: db)
        {
            order.refillID = try await lowStock.react(to: crossed, stand: standRecord, location: location, on: db, at: now)?.requireID()
        }
        try await Self.insert(order, items: items, on: sql)
        // The points' events after the sale's, in one statement.
        try await EventOutbox.append([StandEvents.saleRecorded(order)] + earned.events, on: db, at: now)
        return try order.value(items: items)
    }

    private static func insert(_ order: StandOrderRecord, items: [StandOrderItemRecord], on sql: any SQLDatabase) async throws {
        try await sql.insert(
            [order], into: StandOrderRecord.schema,
            columns: [
                "id", "number", "stand_id", "location_id", "sold_at", "sold_at_ms", "currency", "total_minor", "units", "payment_method",
                "payment_reference", "qr_code_id", "points_earned", "low_stock_skus", "refill_id", "created_by", "created_at",
            ]
        ) {
            [
                $0.id, $0.number, $0.$stand.id, $0.$location.id, $0.soldAt, $0.soldAtMillis, $0.currency, $0.totalMinor, $0.units,
                $0.paymentMethod, $0.paymentReference, $0.qrCodeID, $0.pointsEarned, $0.lowStockSKUs, $0.refillID, $0.createdBy,
                $0.createdAt,
            ]
        }
        try await sql.insert(
            items, into: StandOrderItemRecord.schema,
            columns: [
                "id", "order_id", "product_id", "line_no", "sku", "name", "quantity", "list_price_minor", "unit_price_minor",
                "line_total_minor", "shortfall", "stand_id", "sold_at_ms",
            ]
        ) {
            [
                $0.id, $0.$order.id, $0.$product.id, $0.lineNumber, $0.sku, $0.name, $0.quantity, $0.listPriceMinor, $0.unitPriceMinor,
                $0.lineTotalMinor, $0.shortfall, $0.standID, $0.soldAtMillis,
            ]
        }
        try await StandSalesMonths.add([order], lines: items, on: sql)
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
