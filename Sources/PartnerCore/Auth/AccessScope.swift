import Foundation

/// Who the caller is for authorization: its role, its partner memberships and, for integration
/// tokens, its scopes. Partner-scoped queries filter by `visiblePartnerIDs`; every decision beyond
/// visibility is `AccessPolicy`'s.
public struct AccessScope: Sendable, Equatable {
    public let role: UserRole
    public let memberships: [UUID: MemberRole]
    /// An integration token's scopes, with the reads its writes imply; empty for people.
    public let serviceScopes: Set<ServiceScope>

    public init(role: UserRole, memberships: [UUID: MemberRole] = [:], serviceScopes: Set<ServiceScope> = []) {
        self.role = role
        self.memberships = memberships
        self.serviceScopes = ServiceScope.closure(of: serviceScopes)
    }

    /// HQ and integrations (whose reach is limited by token scopes) see the whole network.
    public var seesEveryPartner: Bool { role.isHeadquarters || role == .service }

    /// `nil` when the caller sees every partner; otherwise the partners it is linked to.
    public var visiblePartnerIDs: Set<UUID>? {
        seesEveryPartner ? nil : Set(memberships.keys)
    }

    public func canView(partner id: UUID) -> Bool {
        seesEveryPartner || memberships[id] != nil
    }

    /// Whether the policy allows `action` (on `subject`, for actions on one partner's world).
    public func may(_ action: PolicyAction, on subject: PolicySubject? = nil) -> Bool {
        AccessPolicy.decide(action, by: self, on: subject).isAllowed
    }
}
