/// The scheduled automations, by the names operators type (`partneros run-automation NAME`) and
/// `GET /api/v1/automations` lists.
public enum AutomationName: String, CaseIterable, Codable, Sendable {
    case contractRenewals = "contract-renewals"
    case complianceExpiry = "compliance-expiry"
    case payoutsClose = "payouts-close"
    case loyaltyExpiry = "loyalty-expiry"
    case loyaltyBonuses = "loyalty-bonuses"
    case tierReview = "tier-review"
    case lowStockSweep = "low-stock-sweep"
    case standStreakBonuses = "stand-streak-bonuses"
    case aiRefresh = "ai-refresh"
    case prune

    /// Every name, comma-separated, for error messages.
    public static var list: String { allCases.map(\.rawValue).joined(separator: ", ") }
}
