import Fluent
import Foundation
import PartnerCore

/// One line of a partner order, priced by the engine when the order was placed.
final class PartnerOrderItemRecord: Model, @unchecked Sendable {
    static let schema = "partner_order_items"

    @ID(key: .id) var id: UUID?
    @Parent(key: "order_id") var order: PartnerOrderRecord
    @Parent(key: "product_id") var product: ProductRecord
    @Field(key: "line_no") var lineNumber: Int
    @Field(key: "sku") var sku: String
    @Field(key: "name") var name: String
    @Field(key: "quantity") var quantity: Int
    @Field(key: "list_price_minor") var listPriceMinor: Int64
    @Field(key: "unit_price_minor") var unitPriceMinor: Int64
    @Field(key: "price_source") var priceSource: PriceSource
    @Field(key: "line_total_minor") var lineTotalMinor: Int64

    init() {}
}
