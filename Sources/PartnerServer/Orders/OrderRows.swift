import FluentKit
import Foundation
import PartnerCore
import SQLKit

/// Orders and their lines decoded straight from SQL for the order lists: two queries per page
/// (orders, then the lines of exactly those orders), no Fluent model decoding.
enum OrderRows {
    struct Order {
        let id: UUID
        let number: String
        let partnerId: UUID
        let partnerName: String?
        let status: OrderStatus
        let channel: String
        let externalRef: String?
        let requestedDeliveryDate: Date?
        let currency: String
        let subtotalMinor: Int64
        let totalMinor: Int64
        let placedAt: Date
        let placedAtMs: Int64
        let confirmedAt: Date?
        let shippedAt: Date?
        let deliveredAt: Date?
        let cancelledAt: Date?
        let updatedAt: Date?

        init(_ row: RowReader) throws {
            id = try row.uuid("id")
            number = try row.string("number")
            partnerId = try row.uuid("partnerId")
            partnerName = try row.optionalString("partnerName")
            status = try row.value("status", as: OrderStatus.self)
            channel = try row.string("channel")
            externalRef = try row.optionalString("externalRef")
            requestedDeliveryDate = try row.optionalDate("requestedDeliveryDate")
            currency = try row.string("currency")
            subtotalMinor = try row.int64("subtotalMinor")
            totalMinor = try row.int64("totalMinor")
            placedAt = try row.date("placedAt")
            placedAtMs = try row.int64("placedAtMs")
            confirmedAt = try row.optionalDate("confirmedAt")
            shippedAt = try row.optionalDate("shippedAt")
            deliveredAt = try row.optionalDate("deliveredAt")
            cancelledAt = try row.optionalDate("cancelledAt")
            updatedAt = try row.optionalDate("updatedAt")
        }
    }

    struct Line {
        let orderId: UUID
        let lineNo: Int
        let sku: String
        let name: String
        let quantity: Int
        let listPriceMinor: Int64
        let unitPriceMinor: Int64
        let priceSource: PriceSource
        let lineTotalMinor: Int64

        init(_ row: RowReader) throws {
            orderId = try row.uuid("orderId")
            lineNo = try row.int("lineNo")
            sku = try row.string("sku")
            name = try row.string("name")
            quantity = try row.int("quantity")
            listPriceMinor = try row.int64("listPriceMinor")
            unitPriceMinor = try row.int64("unitPriceMinor")
            priceSource = try row.value("priceSource", as: PriceSource.self)
            lineTotalMinor = try row.int64("lineTotalMinor")
        }
    }

    private static let orderColumns = SQLColumns.aliased(
        "o",
        [
            "id", "number", "partner_id", "status", "channel", "external_ref", "requested_delivery_date", "currency", "subtotal_minor",
            "total_minor", "placed_at", "placed_at_ms", "confirmed_at", "shipped_at", "delivered_at", "cancelled_at", "updated_at",
        ])
    private static let lineColumns = SQLColumns.aliased(
        "i", ["order_id", "line_no", "sku", "name", "quantity", "list_price_minor", "unit_price_minor", "price_source", "line_total_minor"])

    /// Orders matching `conditions` (on `o`, the orders, and `p`, their partner), newest first, each
    /// with its exact millisecond key (a floating-point `placedAt` can be an ulp off it).
    static func page(where conditions: [SQLQueryString], limit: Int, on db: any Database) async throws
        -> [(order: PartnerOrder, millis: Int64)]
    {
        let filtering: SQLQueryString = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
        let query: SQLQueryString =
            """
            SELECT \(unsafeRaw: orderColumns), p.company_name AS "partnerName" FROM partner_orders o JOIN partners p ON p.id = o.partner_id
            """ + filtering + " ORDER BY o.placed_at_ms DESC, o.id DESC LIMIT \(literal: limit)"
        let orders = try await RowReader.all(query, on: db).map(Order.init)
        guard !orders.isEmpty else { return [] }
        let lines = try await RowReader.all(
            """
            SELECT \(unsafeRaw: lineColumns) FROM partner_order_items i WHERE i.order_id IN (\(binds: orders.map(\.id))) ORDER BY i.order_id, i.line_no
            """, on: db
        ).map(Line.init)
        let byOrder = Dictionary(grouping: lines, by: \.orderId)
        return orders.map { (value($0, lines: byOrder[$0.id] ?? []), $0.placedAtMs) }
    }

    private static func value(_ row: Order, lines: [Line]) -> PartnerOrder {
        let currency = Currency(row.currency) ?? .eur
        func amount(_ minor: Int64) -> Money { Money(minorUnits: minor, currency: currency) }
        return PartnerOrder(
            id: row.id, number: row.number, partnerID: row.partnerId, partnerName: row.partnerName, status: row.status,
            channel: row.channel,
            externalRef: row.externalRef, requestedDeliveryDate: row.requestedDeliveryDate,
            lines: lines.sorted { $0.lineNo < $1.lineNo }.map {
                PartnerOrder.Line(
                    sku: $0.sku, name: $0.name, quantity: $0.quantity, listPrice: amount($0.listPriceMinor),
                    unitPrice: amount($0.unitPriceMinor), priceSource: $0.priceSource, lineTotal: amount($0.lineTotalMinor))
            },
            subtotal: amount(row.subtotalMinor), total: amount(row.totalMinor), placedAt: row.placedAt,
            updatedAt: row.updatedAt ?? row.placedAt, confirmedAt: row.confirmedAt, shippedAt: row.shippedAt,
            deliveredAt: row.deliveredAt, cancelledAt: row.cancelledAt)
    }
}
