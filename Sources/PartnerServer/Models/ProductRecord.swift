import Fluent
import Foundation
import PartnerCore

/// A sellable product of the brand's catalogue.
final class ProductRecord: Model, @unchecked Sendable {
    static let schema = "products"

    @ID(key: .id) var id: UUID?
    /// Upper-cased; unique.
    @Field(key: "sku") var sku: String
    @Field(key: "name") var name: String
    @Field(key: "category") var category: String
    @Field(key: "currency") var currency: String
    @Field(key: "list_price_minor") var listPriceMinor: Int64
    @OptionalField(key: "unit_cost_minor") var unitCostMinor: Int64?
    @Field(key: "pack_size") var packSize: Int
    @Field(key: "active") var active: Bool
    @Field(key: "search_text") var searchText: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    init(_ product: ProductDefinition) {
        apply(product)
    }

    func apply(_ product: ProductDefinition) {
        sku = product.sku
        name = product.name
        category = product.category
        currency = product.listPrice.currency.code
        listPriceMinor = product.listPrice.minorUnits
        unitCostMinor = product.unitCost?.minorUnits
        packSize = product.packSize
        active = product.active
        searchText = "\(product.sku) \(product.name) \(product.category)".lowercased()
    }

    var listPrice: Money { Money(minorUnits: listPriceMinor, currency: Currency(currency) ?? .eur) }
    var unitCost: Money? { unitCostMinor.map { Money(minorUnits: $0, currency: listPrice.currency) } }

    var definition: ProductDefinition {
        ProductDefinition(
            sku: sku, name: name, category: category, listPrice: listPrice, unitCost: unitCost, packSize: packSize, active: active)
    }

    var value: Product {
        get throws {
            let created = createdAt ?? Date(timeIntervalSince1970: 0)
            return Product(id: try requireID(), definition: definition, createdAt: created, updatedAt: updatedAt ?? created)
        }
    }
}
