/// The kinds of insight the Partner Advisor writes about one partner.
public enum PartnerInsightKind: String, Sendable, Hashable, Codable, CaseIterable {
    case health
    case expansionReadiness = "expansion_readiness"
    case compliance
}
