import Fluent
import Foundation

/// A partner's trade in one calendar month (the seed's `PartnerPerformance`), recomputed whenever
/// one of its orders or loyalty entries changes.
final class PartnerPerformanceRecord: Model, @unchecked Sendable {
    static let schema = "partner_performance"

    @ID(key: .id) var id: UUID?
    @Parent(key: "partner_id") var partner: PartnerRecord
    /// `YYYY-MM`.
    @Field(key: "month") var month: String
    @Field(key: "currency") var currency: String
    /// Value of the month's orders that were not cancelled.
    @Field(key: "revenue_minor") var revenueMinor: Int64
    @Field(key: "orders") var orders: Int
    @Field(key: "loyalty_earned") var loyaltyEarned: Int
    @Timestamp(key: "updated_at", on: .none) var updatedAt: Date?

    init() {}
}
