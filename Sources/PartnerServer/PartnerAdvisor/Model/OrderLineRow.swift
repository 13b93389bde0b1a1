import Foundation
import SQLKit

/// One order line as the Partner Advisor's readers select it: `partner_order_items i` joined to its
/// order `o`, decoded by the aliases of `columns`.
struct OrderLineRow: Decodable {
    let orderId: UUID
    let partnerId: UUID
    let sku: String
    let quantity: Int
    let unitPriceMinor: Int64
    /// The list price on the day the line was charged.
    let listPriceMinor: Int64
    let placedAtMs: Int64

    var placedAt: Date { Date(timeIntervalSince1970: Double(placedAtMs) / 1_000) }

    /// The select list (and joins) that fill it; append a `WHERE`.
    static let selectFrom: SQLQueryString = """
        SELECT o.id AS "orderId", o.partner_id AS "partnerId", i.sku AS "sku", i.quantity AS "quantity", \
        i.unit_price_minor AS "unitPriceMinor", i.list_price_minor AS "listPriceMinor", o.placed_at_ms AS "placedAtMs" \
        FROM partner_order_items i JOIN partner_orders o ON o.id = i.order_id
        """
}
