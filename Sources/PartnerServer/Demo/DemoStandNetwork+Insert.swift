import Fluent
import Foundation
import SQLKit

/// Writes the generated network with plain multi-row SQL inserts. Fluent's batch `create` reads
/// every model's properties by reflection, which made this ~110k-row seed take 15 s in a debug
/// build; binding the columns directly is several times faster.
extension DemoStandNetwork.Rows {
    func insert(on db: any Database) async throws {
        let sql = try db.sql()
        try await sql.insert(
            stands, into: StandPartnerRecord.schema,
            columns: ["id", "package_level", "commission_bp", "loyalty_rate_milli", "auto_refill", "joined_at", "updated_at"]
        ) { [$0.id!, $0.packageLevel.rawValue, $0.commissionBasisPoints, $0.loyaltyRateMilli, $0.autoRefill, $0.joinedAt, $0.joinedAt] }
        try await sql.insert(
            locations, into: StandLocationRecord.schema,
            columns: [
                "id", "stand_id", "name", "venue_type", "address", "city", "region", "country", "latitude", "longitude", "capacity_facings",
                "created_at",
            ]
        ) {
            [
                $0.id!, $0.$stand.id, $0.name, $0.venueType, $0.address, $0.city, $0.region, $0.country, $0.latitude, $0.longitude,
                $0.capacityFacings, $0.createdAt,
            ]
        }
        try await sql.insert(
            inventory, into: StandInventoryRecord.schema,
            columns: [
                "id", "stand_id", "location_id", "product_id", "sku", "on_hand", "on_order", "par_level", "min_level",
                "unreconciled_shortfall",
                "updated_at",
            ]
        ) {
            [
                $0.id!, $0.$stand.id, $0.$location.id, $0.$product.id, $0.sku, $0.onHand, $0.onOrder, $0.parLevel, $0.minLevel,
                $0.unreconciledShortfall, $0.updatedAt,
            ]
        }
        try await sql.insert(
            stockOuts, into: StandStockOutRecord.schema,
            columns: ["id", "stand_id", "location_id", "sku", "started_at", "ended_at"]
        ) { [$0.id!, $0.$stand.id, $0.$location.id, $0.sku, $0.startedAt, $0.endedAt] }
        try await insertSales(on: sql)
        try await AddStandLifetimeSales.recount(on: sql)
        try await insertRefills(on: sql)
        try await insertCounts(on: sql)
        try await sql.insert(
            ledger, into: StandLoyaltyLedgerRecord.schema,
            columns: ["id", "stand_id", "kind", "points", "occurred_at", "occurred_at_ms", "idempotency_key", "reference", "note"]
        ) {
            [
                $0.id!, $0.$stand.id, $0.kind.rawValue, $0.points, $0.occurredAt, $0.occurredAtMillis, $0.idempotencyKey, $0.reference,
                $0.note,
            ]
        }
        try await sql.insert(
            alerts, into: PartnerAlertRecord.schema,
            columns: [
                "id", "partner_id", "kind", "severity", "title", "message", "subject_type", "subject_id", "created_at", "created_at_ms",
            ]
        ) {
            [
                $0.id!, $0.$partner.id, $0.kind, $0.severity, $0.title, $0.message, $0.subjectType, $0.subjectID, $0.createdAt,
                $0.createdAtMillis,
            ]
        }
    }

    private func insertSales(on sql: any SQLDatabase) async throws {
        try await sql.insert(
            orders, into: StandOrderRecord.schema,
            columns: [
                "id", "number", "stand_id", "location_id", "sold_at", "sold_at_ms", "currency", "total_minor", "units", "payment_method",
                "payment_reference", "qr_code_id", "points_earned", "low_stock_skus", "refill_id", "created_by", "created_at",
            ]
        ) {
            [
                $0.id!, $0.number, $0.$stand.id, $0.$location.id, $0.soldAt, $0.soldAtMillis, $0.currency, $0.totalMinor, $0.units,
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
                $0.id!, $0.$order.id, $0.$product.id, $0.lineNumber, $0.sku, $0.name, $0.quantity, $0.listPriceMinor, $0.unitPriceMinor,
                $0.lineTotalMinor,
                $0.shortfall, $0.standID, $0.soldAtMillis,
            ]
        }
        try await StandSalesMonths.add(orders, lines: items, on: sql)
    }

    private func insertRefills(on sql: any SQLDatabase) async throws {
        try await sql.insert(
            refills, into: StandRefillOrderRecord.schema,
            columns: [
                "id", "number", "stand_id", "location_id", "status", "source", "note", "in_flight_location_id", "currency", "total_minor",
                "requested_at", "requested_at_ms", "requested_by", "approved_at", "shipped_at", "delivered_at", "confirmed_at",
                "rejected_at",
                "cancelled_at", "payment_due_date", "updated_at",
            ]
        ) {
            [
                $0.id!, $0.number, $0.$stand.id, $0.$location.id, $0.status.rawValue, $0.source, $0.note, $0.inFlightLocationID,
                $0.currency,
                $0.totalMinor, $0.requestedAt, $0.requestedAtMillis, $0.requestedBy, $0.approvedAt, $0.shippedAt, $0.deliveredAt,
                $0.confirmedAt, $0.rejectedAt, $0.cancelledAt, $0.paymentDueDate, $0.updatedAt,
            ]
        }
        try await sql.insert(
            refillLines, into: StandRefillOrderLineRecord.schema,
            columns: [
                "id", "refill_id", "product_id", "line_no", "sku", "name", "requested_quantity", "quantity", "delivered_quantity",
                "list_price_minor", "unit_price_minor", "price_source", "line_total_minor",
            ]
        ) {
            [
                $0.id!, $0.$refill.id, $0.$product.id, $0.lineNumber, $0.sku, $0.name, $0.requestedQuantity, $0.quantity,
                $0.deliveredQuantity,
                $0.listPriceMinor, $0.unitPriceMinor, $0.priceSource.rawValue, $0.lineTotalMinor,
            ]
        }
    }

    private func insertCounts(on sql: any SQLDatabase) async throws {
        try await sql.insert(
            snapshots, into: StandInventorySnapshotRecord.schema,
            columns: [
                "id", "stand_id", "location_id", "taken_at", "taken_at_ms", "source", "note", "currency", "variance", "shrinkage_units",
                "shrinkage_minor", "created_by", "created_at",
            ]
        ) {
            [
                $0.id!, $0.$stand.id, $0.$location.id, $0.takenAt, $0.takenAtMillis, $0.source, $0.note, $0.currency, $0.variance,
                $0.shrinkageUnits, $0.shrinkageMinor, $0.createdBy, $0.createdAt,
            ]
        }
        try await sql.insert(
            snapshotLines, into: StandInventorySnapshotLineRecord.schema,
            columns: [
                "id", "snapshot_id", "sku", "expected", "counted", "shrinkage_minor", "sold_since", "delivered_since", "on_hand_after",
            ]
        ) {
            [$0.id!, $0.$snapshot.id, $0.sku, $0.expected, $0.counted, $0.shrinkageMinor, $0.soldSince, $0.deliveredSince, $0.onHandAfter]
        }
    }
}
