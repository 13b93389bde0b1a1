import Fluent
import Foundation
import PartnerCore

/// One SKU of a refill: what was requested, what is in force after approval, what arrived.
final class StandRefillOrderLineRecord: Model, @unchecked Sendable {
    static let schema = "stand_refill_order_lines"

    @ID(key: .id) var id: UUID?
    @Parent(key: "refill_id") var refill: StandRefillOrderRecord
    @Parent(key: "product_id") var product: ProductRecord
    @Field(key: "line_no") var lineNumber: Int
    @Field(key: "sku") var sku: String
    @Field(key: "name") var name: String
    @Field(key: "requested_quantity") var requestedQuantity: Int
    @Field(key: "quantity") var quantity: Int
    @OptionalField(key: "delivered_quantity") var deliveredQuantity: Int?
    @Field(key: "list_price_minor") var listPriceMinor: Int64
    @Field(key: "unit_price_minor") var unitPriceMinor: Int64
    @Field(key: "price_source") var priceSource: PriceSource
    @Field(key: "line_total_minor") var lineTotalMinor: Int64

    init() {}
}
