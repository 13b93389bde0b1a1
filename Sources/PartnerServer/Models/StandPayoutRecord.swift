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
    @Field(key: "sales_minor") var salesMinor: Int64
    @Field(key: "commission_bp") var commissionBasisPoints: Int
    @Field(key: "commission_minor") var commissionMinor: Int64
    @Field(key: "closed_at") var closedAt: Date

    init() {}
}
