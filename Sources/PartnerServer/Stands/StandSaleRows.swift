import FluentKit
import Foundation
import PartnerCore
import SQLKit

/// Stand sales and their lines decoded straight from SQL for the sales list: two queries per page.
enum StandSaleRows {
    struct Sale {
        let id: UUID
        let number: String
        let standId: UUID
        let locationId: UUID
        let soldAt: Date
        /// The exact sort and cursor key; a floating-point `soldAt` can be an ulp off it.
        let soldAtMs: Int64
        let currency: String
        let totalMinor: Int64
        let units: Int
        let paymentMethod: String?
        let paymentReference: String?
        let qrCodeId: String?
        let pointsEarned: Int
        let lowStockSkus: String
        let refillId: UUID?
        let createdAt: Date

        init(_ row: RowReader) throws {
            id = try row.uuid("id")
            number = try row.string("number")
            standId = try row.uuid("standId")
            locationId = try row.uuid("locationId")
            soldAt = try row.date("soldAt")
            soldAtMs = try row.int64("soldAtMs")
            currency = try row.string("currency")
            totalMinor = try row.int64("totalMinor")
            units = try row.int("units")
            paymentMethod = try row.optionalString("paymentMethod")
            paymentReference = try row.optionalString("paymentReference")
            qrCodeId = try row.optionalString("qrCodeId")
            pointsEarned = try row.int("pointsEarned")
            lowStockSkus = try row.string("lowStockSkus")
            refillId = try row.optionalUUID("refillId")
            createdAt = try row.date("createdAt")
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
        let lineTotalMinor: Int64
        let shortfall: Int

        init(_ row: RowReader) throws {
            orderId = try row.uuid("orderId")
            lineNo = try row.int("lineNo")
            sku = try row.string("sku")
            name = try row.string("name")
            quantity = try row.int("quantity")
            listPriceMinor = try row.int64("listPriceMinor")
            unitPriceMinor = try row.int64("unitPriceMinor")
            lineTotalMinor = try row.int64("lineTotalMinor")
            shortfall = try row.int("shortfall")
        }
    }

    private static let saleColumns = SQLColumns.aliased(
        "o",
        [
            "id", "number", "stand_id", "location_id", "sold_at", "sold_at_ms", "currency", "total_minor", "units", "payment_method",
            "payment_reference", "qr_code_id", "points_earned", "low_stock_skus", "refill_id", "created_at",
        ])
    private static let lineColumns = SQLColumns.aliased(
        "i", ["order_id", "line_no", "sku", "name", "quantity", "list_price_minor", "unit_price_minor", "line_total_minor", "shortfall"])

    /// Sales matching `conditions` (on `o`), newest first, each with its millisecond key.
    static func page(where conditions: [SQLQueryString], limit: Int, on db: any Database) async throws
        -> [(sale: StandSale, millis: Int64)]
    {
        let filtering: SQLQueryString = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
        let query: SQLQueryString =
            """
            SELECT \(unsafeRaw: saleColumns) FROM stand_orders o
            """ + filtering + " ORDER BY o.sold_at_ms DESC, o.id DESC LIMIT \(literal: limit)"
        let sales = try await RowReader.all(query, on: db).map(Sale.init)
        guard !sales.isEmpty else { return [] }
        let lines = try await RowReader.all(
            """
            SELECT \(unsafeRaw: lineColumns) FROM stand_order_items i WHERE i.order_id IN (\(binds: sales.map(\.id))) \
            ORDER BY i.order_id, i.line_no
            """, on: db
        ).map(Line.init)
        let bySale = Dictionary(grouping: lines, by: \.orderId)
        return sales.map { (value($0, lines: bySale[$0.id] ?? []), $0.soldAtMs) }
    }

    private static func value(_ row: Sale, lines: [Line]) -> StandSale {
        let currency = Currency(row.currency) ?? .eur
        func amount(_ minor: Int64) -> Money { Money(minorUnits: minor, currency: currency) }
        return StandSale(
            id: row.id, number: row.number, standID: row.standId, locationID: row.locationId, soldAt: row.soldAt,
            lines: lines.sorted { $0.lineNo < $1.lineNo }.map {
                StandSale.Line(
                    sku: $0.sku, name: $0.name, quantity: $0.quantity, listPrice: amount($0.listPriceMinor),
                    unitPrice: amount($0.unitPriceMinor), lineTotal: amount($0.lineTotalMinor), shortfall: $0.shortfall)
            },
            units: row.units, total: amount(row.totalMinor),
            payment: row.paymentMethod.map { StandSale.Payment(method: $0, reference: row.paymentReference, qrCodeID: row.qrCodeId) },
            pointsEarned: row.pointsEarned, lowStockSKUs: row.lowStockSkus.split(separator: ",").map(String.init), refillID: row.refillId,
            createdAt: row.createdAt)
    }
}
