import Fluent
import Foundation

/// One SKU of a stand sale.
final class StandOrderItemRecord: Model, @unchecked Sendable {
    static let schema = "stand_order_items"

    @ID(key: .id) var id: UUID?
    @Parent(key: "order_id") var order: StandOrderRecord
    @Parent(key: "product_id") var product: ProductRecord
    @Field(key: "line_no") var lineNumber: Int
    @Field(key: "sku") var sku: String
    @Field(key: "name") var name: String
    @Field(key: "quantity") var quantity: Int
    /// The catalogue price at the time of the sale; `unitPriceMinor` below it is a till discount.
    @Field(key: "list_price_minor") var listPriceMinor: Int64
    @Field(key: "unit_price_minor") var unitPriceMinor: Int64
    @Field(key: "line_total_minor") var lineTotalMinor: Int64
    @Field(key: "shortfall") var shortfall: Int
    /// The sale's stand and time, copied so a period's per-SKU totals read one index range.
    @OptionalField(key: "stand_id") var standID: UUID?
    @OptionalField(key: "sold_at_ms") var soldAtMillis: Int64?

    init() {}
}

extension StandOrderItemRecord {
    /// Files the line under its sale (whose id is `saleID`): the sale's id, stand and time.
    func file(under sale: StandOrderRecord, saleID: UUID) {
        $order.id = saleID
        standID = sale.$stand.id
        soldAtMillis = sale.soldAtMillis
    }
}
