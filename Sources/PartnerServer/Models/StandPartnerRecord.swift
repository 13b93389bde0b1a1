import Fluent
import Foundation
import PartnerCore

/// A partner enrolled in the Stand Program. Its id is the partner's id, so every tenancy rule that
/// guards partners guards stands too.
final class StandPartnerRecord: Model, @unchecked Sendable {
    static let schema = "stand_partners"

    @ID(custom: .id, generatedBy: .user) var id: UUID?
    @Field(key: "package_level") var packageLevel: StandPackage
    @Field(key: "commission_bp") var commissionBasisPoints: Int
    @Field(key: "loyalty_rate_milli") var loyaltyRateMilli: Int
    @Field(key: "auto_refill") var autoRefill: Bool
    @Field(key: "joined_at") var joinedAt: Date
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    init(partnerID: UUID, package: StandPackage, joinedAt: Date) {
        id = partnerID
        packageLevel = package
        commissionBasisPoints = package.commissionBasisPoints
        loyaltyRateMilli = package.loyaltyRateMilli
        autoRefill = package.autoRefill
        self.joinedAt = joinedAt
    }
}
