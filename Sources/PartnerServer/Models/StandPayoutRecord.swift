import Fluent
import Foundation

/// A closed month's commission for a stand partner; unique per stand and month, so closing a month
/// twice books nothing new.
final class StandPayoutRecord: Model, @unchecked Sendable {
    static let schema = "stand_payouts"

    @ID(key: .id) var id: UUID?
    @Parent(key: "stand_id") var stand: StandPartnerRecord
    /// YYYY-MM.
    @Field(key: "period") var period: String
    @Field(key: "currency") var currency: String
    /// Sales dated in the payout's own month.
    @Field(key: "sales_minor") var salesMinor: Int64
    /// Sales dated in earlier, already closed months that were recorded too late for their payout.
    @Field(key: "adjustment_minor") var adjustmentMinor: Int64
    @Field(key: "adjustment_sales") var adjustmentSales: Int
    @Field(key: "commission_bp") var commissionBasisPoints: Int
    @Field(key: "commission_minor") var commissionMinor: Int64
    @Field(key: "closed_at") var closedAt: Date

    init() {}
}
