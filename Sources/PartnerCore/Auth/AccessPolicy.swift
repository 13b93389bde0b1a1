import Foundation

/// The one answer to "may this caller do this action to this partner's world". Every entrance —
/// API handlers, the portal, commands — asks here; no rule is written twice. Pure, so it is tested
/// as a table without a database.
///
/// The rules, in order:
/// 1. A partner user acts only on partners it is a member of; any other partner is `hidden`.
/// 2. HQ (admin, staff) may do everything but the admin-only actions (users, tokens, tiers).
/// 3. An integration token may do what its scopes name (see `ServiceScope`), on any partner.
/// 4. A member reads everything of its partner except costs; owners and managers act for it
///    (orders, sales, refills, counts, redemptions), viewers only read; owners edit contact fields
///    and manage members.
/// 5. New business — orders, sales, refill requests, redemptions — needs an active partner, whoever
///    asks. A member of a partner that is not active may only read (an applicant's owner may still
///    complete its profile and invite colleagues). HQ may still finish what is in flight for a
///    suspended partner: move orders and refills, count stock, adjust points, edit the record.
public enum AccessPolicy {
    public static func decide(_ action: PolicyAction, by scope: AccessScope, on subject: PolicySubject? = nil) -> PolicyDecision {
        if let subject, !scope.canView(partner: subject.partnerID) { return .hidden }
        let decision = roleDecision(action, scope: scope, partnerID: subject?.partnerID)
        guard decision == .allowed, let subject else { return decision }
        return statusDecision(action, scope: scope, status: subject.status)
    }

    /// Every action among `candidates` the caller may take now, so a page shows only the buttons
    /// that will work.
    public static func allowedActions(
        _ candidates: [PolicyAction], by scope: AccessScope, on subject: PolicySubject? = nil
    ) -> [PolicyAction] {
        candidates.filter { decide($0, by: scope, on: subject).isAllowed }
    }

    private static func roleDecision(_ action: PolicyAction, scope: AccessScope, partnerID: UUID?) -> PolicyDecision {
        switch scope.role {
        case .admin:
            return .allowed
        case .staff:
            return adminOnly(action) ? .denied("This action needs the admin role.") : .allowed
        case .service:
            guard let needed = serviceScopes(for: action) else {
                return .denied("Integration tokens cannot do this; it needs an HQ user.")
            }
            return needed.isDisjoint(with: scope.serviceScopes)
                ? .denied("This token lacks the \(needed.map(\.rawValue).sorted().joined(separator: " or ")) scope.") : .allowed
        case .partner:
            return memberDecision(action, member: partnerID.flatMap { scope.memberships[$0] })
        }
    }

    private static func adminOnly(_ action: PolicyAction) -> Bool {
        switch action {
        case .manageUsers, .manageServiceTokens, .manageTiers, .manageWebhooks: true
        default: false
        }
    }

    /// The scopes of which a token needs one; `nil` when no token may do it.
    private static func serviceScopes(for action: PolicyAction) -> Set<ServiceScope>? {
        switch action {
        case .readPartner, .readMembers, .readPerformance: [.partnersRead]
        case .readAlerts: [.partnersRead, .standsRead]
        case .readContracts: [.contractsRead]
        case .readOrders: [.ordersRead, .ordersWrite]
        case .placeOrder, .moveOrder: [.ordersWrite]
        case .readPricing, .readPricingHistory, .readGuardrails, .readCosts: [.pricingRead, .pricingWrite]
        case .writeGuardrails: [.pricingWrite]
        case .readLoyalty: [.partnersRead, .loyaltyWrite]
        case .redeemPoints, .adjustPoints: [.loyaltyWrite]
        case .readStand, .runStandCoach: [.standsRead, .salesWrite, .inventoryWrite]
        case .runPartnerAdvisor: [.partnersRead]
        case .checkPriceAnomalies: [.pricingRead, .pricingWrite]
        case .readEvents: [.eventsRead]
        case .recordSale: [.salesWrite]
        case .requestRefill, .moveRefill, .countInventory, .runLowStockCheck: [.inventoryWrite]
        case .manageUsers, .manageServiceTokens, .manageTiers, .createPartner, .editPartner, .manageMembers, .manageCatalogue,
            .changePricing, .managePromotions, .manageContracts, .enrolStand, .closePayouts, .planExpansion, .manageWebhooks,
            .markAlertRead, .readAutomations, .readHQAlerts:
            nil
        }
    }

    private static func memberDecision(_ action: PolicyAction, member: MemberRole?) -> PolicyDecision {
        let hq: PolicyDecision = .denied("This action is taken by HQ.")
        switch action {
        case .readPartner, .readMembers, .readPricing, .readOrders, .readContracts, .readLoyalty, .readPerformance, .readAlerts,
            .markAlertRead, .readStand, .runStandCoach, .runPartnerAdvisor:
            // Lists are filtered to the caller's partners by the query; one partner's world was
            // checked for membership before (hidden otherwise).
            return .allowed
        case .editPartner(let fields):
            guard member == .owner else { return .denied("Only the partner's owners may edit it.") }
            return fields.isSubset(of: PartnerProfile.contactFields)
                ? .allowed : .denied("Owners may edit contact fields only; the rest is changed by HQ.")
        case .manageMembers:
            return member == .owner ? .allowed : .denied("Only the partner's owners may manage its members.")
        case .placeOrder, .redeemPoints, .recordSale, .requestRefill, .countInventory:
            return (member ?? .viewer) >= .manager ? .allowed : .denied("Only the partner's owners and managers may do this.")
        case .moveOrder(let next):
            guard next == .cancelled else { return .denied("Partners may cancel their orders; every other move is made by HQ.") }
            return (member ?? .viewer) >= .manager ? .allowed : .denied("Only the partner's owners and managers may cancel orders.")
        case .moveRefill(let next):
            guard next == .cancelled || next == .confirmed else {
                return .denied("The stand may cancel or confirm a refill; HQ approves, ships and delivers.")
            }
            return (member ?? .viewer) >= .manager ? .allowed : .denied("Only the stand's owners and managers may do this.")
        case .manageUsers, .manageServiceTokens, .manageTiers, .manageWebhooks:
            return .denied("This action needs the admin role.")
        case .readEvents:
            return .denied("The event feed is for integrations: HQ and tokens with the events:read scope.")
        case .createPartner, .manageCatalogue, .readCosts, .readPricingHistory, .readGuardrails, .writeGuardrails, .changePricing,
            .managePromotions,
            .manageContracts, .adjustPoints, .enrolStand, .runLowStockCheck, .closePayouts, .planExpansion, .checkPriceAnomalies,
            .readAutomations, .readHQAlerts:
            return hq
        }
    }

    private static func statusDecision(_ action: PolicyAction, scope: AccessScope, status: PartnerStatus) -> PolicyDecision {
        guard status != .active else { return .allowed }
        switch action {
        case .placeOrder, .recordSale, .requestRefill, .redeemPoints:
            return .inactive(status)
        case .editPartner, .manageMembers:
            return scope.role == .partner && status != .applicant ? .inactive(status) : .allowed
        case .readPartner, .readMembers, .readPricing, .readOrders, .readContracts, .readLoyalty, .readPerformance, .readAlerts,
            .markAlertRead, .readStand, .readCosts, .readPricingHistory, .readGuardrails, .runStandCoach, .runPartnerAdvisor,
            .checkPriceAnomalies:
            return .allowed
        default:
            return scope.role == .partner ? .inactive(status) : .allowed
        }
    }
}
