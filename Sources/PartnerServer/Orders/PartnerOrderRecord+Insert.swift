import Foundation
import SQLKit

/// Orders and their lines as multi-row SQL inserts: placing an order and seeding histories write
/// them this way, two statements whatever the number of lines.
extension PartnerOrderRecord {
    static func insert(_ orders: [PartnerOrderRecord], items: [PartnerOrderItemRecord], on sql: any SQLDatabase) async throws {
        try await sql.insert(
            orders, into: schema,
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
    }
}
