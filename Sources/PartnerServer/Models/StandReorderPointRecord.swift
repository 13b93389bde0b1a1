import Fluent
import Foundation

/// The AI Stand Coach's latest reorder point for one SKU at one location, with when it was
/// computed: the low-stock policy uses it instead of the planogram minimum for 7 days.
final class StandReorderPointRecord: Model, @unchecked Sendable {
    static let schema = "stand_reorder_points"

    @ID(key: .id) var id: UUID?
    @Parent(key: "stand_id") var stand: StandPartnerRecord
    @Parent(key: "location_id") var location: StandLocationRecord
    @Field(key: "sku") var sku: String
    @Field(key: "reorder_point") var reorderPoint: Int
    @Field(key: "order_up_to") var orderUpTo: Int
    @Field(key: "safety_stock") var safetyStock: Double
    @Field(key: "service_level") var serviceLevel: Double
    @Field(key: "lead_time_days") var leadTimeDays: Int
    /// Days an empty shelf waits before its refill is due (`RefillPlan.waitDays`).
    @Field(key: "wait_days") var waitDays: Int
    @OptionalField(key: "insight_id") var insightID: UUID?
    @Field(key: "computed_at") var computedAt: Date
    @Field(key: "computed_at_ms") var computedAtMillis: Int64

    init() {
        // Rows written before the wait existed default to 0 (`AddReorderPointWait`).
        waitDays = 0
    }
}
