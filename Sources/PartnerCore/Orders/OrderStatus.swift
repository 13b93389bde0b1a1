/// The lifecycle of a partner order: submitted → confirmed → shipped → delivered, or cancelled
/// before it ships.
public enum OrderStatus: String, CaseIterable, Codable, Sendable {
    case submitted
    case confirmed
    case shipped
    case delivered
    case cancelled

    public var allowedNext: Set<OrderStatus> {
        switch self {
        case .submitted: [.confirmed, .cancelled]
        case .confirmed: [.shipped, .cancelled]
        case .shipped: [.delivered]
        case .delivered, .cancelled: []
        }
    }

    /// Open orders still need work from HQ or logistics.
    public var isOpen: Bool { self == .submitted || self == .confirmed || self == .shipped }

    public func moving(to next: OrderStatus) throws(OrderError) -> OrderStatus {
        guard allowedNext.contains(next) else { throw .illegalStatusTransition(from: self, to: next) }
        return next
    }
}

/// Rule violations for orders.
public enum OrderError: Error, Equatable, Sendable {
    case illegalStatusTransition(from: OrderStatus, to: OrderStatus)
}
