import Fluent
import Foundation
import SQLKit

/// Writes a generated history with multi-row SQL inserts (the scale seed writes a million order
/// lines this way).
extension DemoOrderHistory.Rows {
    func insert(on db: any Database) async throws {
        let sql = try db.sql()
        try await sql.insert(
            orders, into: PartnerOrderRecord.schema,
            columns: [
                "id", "number", "partner_id", "status", "channel", "external_ref", "requested_delivery_date", "currency", "subtotal_minor",
                "total_minor", "placed_by", "placed_at", "placed_at_ms", "confirmed_at", "shipped_at", "delivered_at", "cancelled_at",
                "updated_at",
            ]
        ) {
            [
                $0.id, $0.number, $0.$partner.id, $0.status.rawValue, $0.channel, $0.externalRef, $0.requestedDeliveryDate, $0.currency,
                $0.subtotalMinor, $0.totalMinor, $0.placedBy, $0.placedAt, $0.placedAtMillis, $0.confirmedAt, $0.shippedAt,
                $0.deliveredAt, $0.cancelledAt, $0.updatedAt,
            ]
        }
        try await sql.insert(
            items, into: PartnerOrderItemRecord.schema,
            columns: [
                "id", "order_id", "product_id", "line_no", "sku", "name", "quantity", "list_price_minor", "unit_price_minor",
                "price_source",
                "line_total_minor",
            ]
        ) {
            [
                $0.id, $0.$order.id, $0.$product.id, $0.lineNumber, $0.sku, $0.name, $0.quantity, $0.listPriceMinor, $0.unitPriceMinor,
                $0.priceSource.rawValue, $0.lineTotalMinor,
            ]
        }
        try await sql.insert(
            ledger, into: LoyaltyEntryRecord.schema,
            columns: [
                "id", "partner_id", "kind", "points", "occurred_at", "occurred_at_ms", "expires_at", "idempotency_key", "reference", "note",
                "created_by",
            ]
        ) {
            [
                $0.id, $0.$partner.id, $0.kind.rawValue, $0.points, $0.occurredAt, $0.occurredAtMillis, $0.expiresAt, $0.idempotencyKey,
                $0.reference, $0.note, $0.createdBy,
            ]
        }
        try await sql.insert(
            performance, into: PartnerPerformanceRecord.schema,
            columns: ["id", "partner_id", "month", "currency", "revenue_minor", "orders", "loyalty_earned", "updated_at"]
        ) { [$0.id, $0.$partner.id, $0.month, $0.currency, $0.revenueMinor, $0.orders, $0.loyaltyEarned, $0.updatedAt] }
    }
}
