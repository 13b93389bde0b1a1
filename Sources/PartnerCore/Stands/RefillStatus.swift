/// The lifecycle of a stand refill: requested → approved → shipped → delivered → confirmed, or
/// rejected/cancelled while it has not shipped.
public enum RefillStatus: String, CaseIterable, Codable, Sendable {
    case requested
    case approved
    case shipped
    case delivered
    case confirmed
    case rejected
    case cancelled

    public var allowedNext: Set<RefillStatus> {
        switch self {
        case .requested: [.approved, .rejected, .cancelled]
        case .approved: [.shipped, .rejected, .cancelled]
        case .shipped: [.delivered]
        case .delivered: [.confirmed]
        case .confirmed, .rejected, .cancelled: []
        }
    }

    /// An open refill blocks a second automatic one for the same location.
    public var isOpen: Bool { self == .requested || self == .approved || self == .shipped || self == .delivered }

    /// Stock not yet on the shelf: while one of these exists for a location, no second refill is
    /// raised for it.
    public var isInFlight: Bool { self == .requested || self == .approved || self == .shipped }

    public func moving(to next: RefillStatus) throws(RefillError) -> RefillStatus {
        guard allowedNext.contains(next) else { throw .illegalStatusTransition(from: self, to: next) }
        return next
    }
}

public enum RefillError: Error, Equatable, Sendable {
    case illegalStatusTransition(from: RefillStatus, to: RefillStatus)
}
