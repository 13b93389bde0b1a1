import Fluent
import Foundation
import PartnerCore

/// A count of a location's shelf: expected against counted, per line, with the shrinkage it found.
final class StandInventorySnapshotRecord: Model, @unchecked Sendable {
    static let schema = "stand_inventory_snapshots"

    @ID(key: .id) var id: UUID?
    @Parent(key: "stand_id") var stand: StandPartnerRecord
    @Parent(key: "location_id") var location: StandLocationRecord
    @Field(key: "taken_at") var takenAt: Date
    @Field(key: "taken_at_ms") var takenAtMillis: Int64
    @Field(key: "source") var source: String
    @OptionalField(key: "note") var note: String?
    @Field(key: "currency") var currency: String
    @Field(key: "variance") var variance: Int
    @Field(key: "shrinkage_units") var shrinkageUnits: Int
    @Field(key: "shrinkage_minor") var shrinkageMinor: Int64
    @OptionalField(key: "created_by") var createdBy: UUID?
    @Field(key: "created_at") var createdAt: Date
    @Children(for: \.$snapshot) var lines: [StandInventorySnapshotLineRecord]

    init() {}
}
