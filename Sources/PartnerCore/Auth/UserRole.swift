/// What a user may do across the whole network.
public enum UserRole: String, CaseIterable, Codable, Sendable {
    /// Everything, including users, service tokens and webhooks.
    case admin
    /// HQ operations over every partner.
    case staff
    /// Only the partners the user is linked to.
    case partner
    /// Another system (Pricing OS, Finance OS, …) calling with a scoped integration token.
    case service

    public var isHeadquarters: Bool { self == .admin || self == .staff }
}
