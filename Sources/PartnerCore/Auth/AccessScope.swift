import Foundation

/// What a caller may see and change, derived from its role and partner memberships.
/// Every partner-scoped query and check goes through this one type.
public struct AccessScope: Sendable, Equatable {
    public let role: UserRole
    public let memberships: [UUID: MemberRole]

    public init(role: UserRole, memberships: [UUID: MemberRole] = [:]) {
        self.role = role
        self.memberships = memberships
    }

    /// HQ and integrations (whose writes are limited by token scopes) see the whole network.
    public var seesEveryPartner: Bool { role.isHeadquarters || role == .service }

    /// `nil` when the caller sees every partner; otherwise the partners it is linked to.
    public var visiblePartnerIDs: Set<UUID>? {
        seesEveryPartner ? nil : Set(memberships.keys)
    }

    public func canView(partner id: UUID) -> Bool {
        seesEveryPartner || memberships[id] != nil
    }

    /// Owners and managers act for their partner (orders, redemptions); viewers only read.
    public func canActFor(partner id: UUID) -> Bool {
        memberships[id].map { $0 >= .manager } ?? false
    }

    /// HQ, or an owner of that partner, may link users to it.
    public func canManageMembers(of id: UUID) -> Bool {
        role.isHeadquarters || memberships[id] == .owner
    }

    /// HQ may edit any field; an owner only contact fields; managers and viewers nothing.
    public func canEdit(fields: Set<String>, of id: UUID) -> Bool {
        if role.isHeadquarters { return true }
        guard memberships[id] == .owner else { return false }
        return fields.isSubset(of: PartnerProfile.contactFields)
    }
}
