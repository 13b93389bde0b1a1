import Foundation

/// A registered partner as every entrance sees it: the API, the portal, the advisor.
public struct Partner: Equatable, Sendable {
    public var id: UUID
    public var profile: PartnerProfile
    public var status: PartnerStatus
    public var tier: PartnerTier?
    public var createdAt: Date
    public var updatedAt: Date

    public init(id: UUID, profile: PartnerProfile, status: PartnerStatus, tier: PartnerTier?, createdAt: Date, updatedAt: Date) {
        self.id = id
        self.profile = profile
        self.status = status
        self.tier = tier
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    public var type: PartnerType { profile.type }
    public var companyName: String { profile.companyName }
    public var region: String { profile.region }

    /// What the access policy needs to know about this partner.
    public var subject: PolicySubject { PolicySubject(partnerID: id, status: status) }
}
