/// The policy's answer. `hidden` is for a partner the caller cannot see at all: it must look the
/// same as a partner that does not exist.
public enum PolicyDecision: Equatable, Sendable {
    case allowed
    case denied(String)
    case hidden
    /// The caller may normally do this, but not while the partner is in this status.
    case inactive(PartnerStatus)

    public var isAllowed: Bool { self == .allowed }
}
