import Fluent
import Foundation
import PartnerCore

/// Links a user to a partner with a member role; the basis of every partner-scoped query.
final class PartnerUserRecord: Model, @unchecked Sendable {
    static let schema = "partner_users"

    @ID(key: .id) var id: UUID?
    @Parent(key: "partner_id") var partner: PartnerRecord
    @Parent(key: "user_id") var user: UserRecord
    @Field(key: "role") var role: MemberRole
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(partnerID: UUID, userID: UUID, role: MemberRole) {
        self.$partner.id = partnerID
        self.$user.id = userID
        self.role = role
    }
}
