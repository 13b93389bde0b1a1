import Fluent
import Foundation

/// A period in which a SKU's shelf at a location was empty; `endedAt` is nil while it still is.
/// Stock-out days and streak bonuses are read from these.
final class StandStockOutRecord: Model, @unchecked Sendable {
    static let schema = "stand_stockouts"

    @ID(key: .id) var id: UUID?
    @Parent(key: "stand_id") var stand: StandPartnerRecord
    @Parent(key: "location_id") var location: StandLocationRecord
    @Field(key: "sku") var sku: String
    @Field(key: "started_at") var startedAt: Date
    @OptionalField(key: "ended_at") var endedAt: Date?

    init() {}

    init(standID: UUID, locationID: UUID, sku: String, startedAt: Date) {
        $stand.id = standID
        $location.id = locationID
        self.sku = sku
        self.startedAt = startedAt
    }
}
