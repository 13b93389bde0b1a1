import Foundation

/// A user's place in a partner: who, and with which member role.
public struct PartnerMember: Equatable, Sendable {
    public var userID: UUID
    public var email: String
    public var name: String
    public var role: MemberRole
    public var since: Date

    public init(userID: UUID, email: String, name: String, role: MemberRole, since: Date) {
        self.userID = userID
        self.email = email
        self.name = name
        self.role = role
        self.since = since
    }
}

/// A partner a user belongs to, as the user sees it.
public struct Membership: Equatable, Sendable {
    public var partnerID: UUID
    public var companyName: String
    public var role: MemberRole

    public init(partnerID: UUID, companyName: String, role: MemberRole) {
        self.partnerID = partnerID
        self.companyName = companyName
        self.role = role
    }
}
