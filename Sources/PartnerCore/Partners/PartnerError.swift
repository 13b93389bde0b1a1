/// Rule violations in the partner registry.
public enum PartnerError: Error, Equatable, Sendable {
    case illegalStatusTransition(from: PartnerStatus, to: PartnerStatus)
    case tierNotApplicable(tierCode: String, partnerType: PartnerType)
}
