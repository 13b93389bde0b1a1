/// Where a partner is in its relationship with the brand.
///
/// Allowed moves: applicant → active (approved) or → terminated (declined);
/// active ↔ suspended; active or suspended → terminated. Terminated is final.
public enum PartnerStatus: String, CaseIterable, Codable, Sendable {
    case applicant
    case active
    case suspended
    case terminated

    public var allowedNext: Set<PartnerStatus> {
        switch self {
        case .applicant: [.active, .terminated]
        case .active: [.suspended, .terminated]
        case .suspended: [.active, .terminated]
        case .terminated: []
        }
    }

    public func canMove(to next: PartnerStatus) -> Bool {
        allowedNext.contains(next)
    }

    /// The status after a requested change, or an error if the move is not allowed.
    /// Asking for the current status is a no-op, not a conflict.
    public func moving(to next: PartnerStatus) throws(PartnerError) -> PartnerStatus {
        guard next == self || canMove(to: next) else {
            throw .illegalStatusTransition(from: self, to: next)
        }
        return next
    }
}
