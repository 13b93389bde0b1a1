import Fluent
import Foundation

/// One counted SKU of a snapshot.
final class StandInventorySnapshotLineRecord: Model, @unchecked Sendable {
    static let schema = "stand_inventory_snapshot_lines"

    @ID(key: .id) var id: UUID?
    @Parent(key: "snapshot_id") var snapshot: StandInventorySnapshotRecord
    @Field(key: "sku") var sku: String
    @Field(key: "expected") var expected: Int
    @Field(key: "counted") var counted: Int
    @Field(key: "shrinkage_minor") var shrinkageMinor: Int64
    /// Units sold and delivered at the location after the count was taken, when it was applied.
    @Field(key: "sold_since") var soldSince: Int
    @Field(key: "delivered_since") var deliveredSince: Int
    /// The on-hand the count left: counted − sold since + delivered since, never below zero.
    @Field(key: "on_hand_after") var onHandAfter: Int

    init() {}
}
