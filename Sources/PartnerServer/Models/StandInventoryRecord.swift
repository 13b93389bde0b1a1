import Fluent
import Foundation
import PartnerCore

/// One planogram SKU at one location: the shelf, what is on its way, and its levels.
final class StandInventoryRecord: Model, @unchecked Sendable {
    static let schema = "stand_inventory"

    @ID(key: .id) var id: UUID?
    @Parent(key: "stand_id") var stand: StandPartnerRecord
    @Parent(key: "location_id") var location: StandLocationRecord
    @Parent(key: "product_id") var product: ProductRecord
    @Field(key: "sku") var sku: String
    @Field(key: "on_hand") var onHand: Int
    @Field(key: "on_order") var onOrder: Int
    @Field(key: "par_level") var parLevel: Int
    @Field(key: "min_level") var minLevel: Int
    /// Units sold beyond the recorded shelf since the last count; the next count reconciles it.
    @Field(key: "unreconciled_shortfall") var unreconciledShortfall: Int
    @Field(key: "updated_at") var updatedAt: Date

    /// Not stored: the coach's current reorder point and wait, and the whole days the shelf has
    /// stood empty, when `StandReorderPoints.apply` set them.
    var reorderPoint: Int?
    var waitDays = 0
    var emptyDays = 0

    init() {}

    var level: StockLevel {
        get {
            StockLevel(
                onHand: onHand, onOrder: onOrder, parLevel: parLevel, minLevel: minLevel, reorderPoint: reorderPoint, waitDays: waitDays,
                emptyDays: emptyDays)
        }
        set {
            onHand = newValue.onHand
            onOrder = newValue.onOrder
        }
    }
}
