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

    init() {}
}
