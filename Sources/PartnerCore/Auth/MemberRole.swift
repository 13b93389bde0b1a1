/// A partner user's role within one partner.
public enum MemberRole: String, CaseIterable, Codable, Sendable, Comparable {
    case viewer
    case manager
    case owner

    private var rank: Int {
        switch self {
        case .viewer: 0
        case .manager: 1
        case .owner: 2
        }
    }

    public static func < (lhs: MemberRole, rhs: MemberRole) -> Bool { lhs.rank < rhs.rank }
}
