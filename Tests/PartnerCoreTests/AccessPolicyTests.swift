import Foundation
import Testing

@testable import PartnerCore

/// The authorization policy as a table: who may do what to whose partner, in which status.
@Suite("Access policy")
struct AccessPolicyTests {
    static let mine = UUID()
    static let theirs = UUID()
    static let active = PolicySubject(partnerID: mine, status: .active)
    static let suspended = PolicySubject(partnerID: mine, status: .suspended)
    static let applicant = PolicySubject(partnerID: mine, status: .applicant)
    static let other = PolicySubject(partnerID: theirs, status: .active)

    static let admin = AccessScope(role: .admin)
    static let staff = AccessScope(role: .staff)
    static let owner = AccessScope(role: .partner, memberships: [mine: .owner])
    static let manager = AccessScope(role: .partner, memberships: [mine: .manager])
    static let viewer = AccessScope(role: .partner, memberships: [mine: .viewer])
    static func token(_ scopes: ServiceScope...) -> AccessScope { AccessScope(role: .service, serviceScopes: Set(scopes)) }

    enum Outcome: Equatable {
        case allow, deny, hide, inactive
    }

    struct Row: CustomTestStringConvertible, Sendable {
        let who: String
        let scope: AccessScope
        let action: PolicyAction
        let subject: PolicySubject?
        let expected: Outcome
        var testDescription: String { "\(who) \(action) → \(expected)" }
    }

    static let rows: [Row] = [
        // Admin-only actions.
        Row(who: "admin", scope: admin, action: .manageUsers, subject: nil, expected: .allow),
        Row(who: "staff", scope: staff, action: .manageUsers, subject: nil, expected: .deny),
        Row(who: "staff", scope: staff, action: .manageServiceTokens, subject: nil, expected: .deny),
        Row(who: "staff", scope: staff, action: .manageTiers, subject: nil, expected: .deny),
        Row(who: "owner", scope: owner, action: .manageUsers, subject: nil, expected: .deny),
        // HQ operations.
        Row(who: "staff", scope: staff, action: .createPartner, subject: nil, expected: .allow),
        Row(who: "staff", scope: staff, action: .closePayouts, subject: nil, expected: .allow),
        Row(who: "owner", scope: owner, action: .closePayouts, subject: nil, expected: .deny),
        // Operations: automations and HQ alerts are HQ's; a partner's alerts are read by any member.
        Row(who: "staff", scope: staff, action: .readAutomations, subject: nil, expected: .allow),
        Row(who: "owner", scope: owner, action: .readAutomations, subject: nil, expected: .deny),
        Row(who: "events token", scope: token(.eventsRead), action: .readAutomations, subject: nil, expected: .deny),
        Row(who: "staff", scope: staff, action: .readHQAlerts, subject: nil, expected: .allow),
        Row(who: "owner", scope: owner, action: .readHQAlerts, subject: nil, expected: .deny),
        Row(who: "viewer", scope: viewer, action: .markAlertRead, subject: active, expected: .allow),
        Row(who: "viewer", scope: viewer, action: .markAlertRead, subject: suspended, expected: .allow),
        Row(who: "viewer", scope: viewer, action: .markAlertRead, subject: other, expected: .hide),
        Row(who: "staff", scope: staff, action: .markAlertRead, subject: other, expected: .allow),
        Row(who: "owner", scope: owner, action: .manageContracts, subject: active, expected: .deny),
        Row(who: "owner", scope: owner, action: .adjustPoints, subject: active, expected: .deny),
        Row(who: "owner", scope: owner, action: .changePricing, subject: active, expected: .deny),
        // Tenancy: another partner's world is hidden, whatever the action.
        Row(who: "owner", scope: owner, action: .readPartner, subject: other, expected: .hide),
        Row(who: "owner", scope: owner, action: .placeOrder, subject: other, expected: .hide),
        Row(who: "staff", scope: staff, action: .readPartner, subject: other, expected: .allow),
        // Costs, floors and margins are HQ's and Pricing OS's only.
        Row(who: "owner", scope: owner, action: .readCosts, subject: nil, expected: .deny),
        Row(who: "staff", scope: staff, action: .readCosts, subject: nil, expected: .allow),
        Row(who: "pricing:read", scope: token(.pricingRead), action: .readCosts, subject: nil, expected: .allow),
        Row(who: "orders:write", scope: token(.ordersWrite), action: .readCosts, subject: nil, expected: .deny),
        // Members by role.
        Row(who: "viewer", scope: viewer, action: .readOrders, subject: active, expected: .allow),
        Row(who: "viewer", scope: viewer, action: .placeOrder, subject: active, expected: .deny),
        Row(who: "manager", scope: manager, action: .placeOrder, subject: active, expected: .allow),
        Row(who: "manager", scope: manager, action: .redeemPoints, subject: active, expected: .allow),
        Row(who: "viewer", scope: viewer, action: .redeemPoints, subject: active, expected: .deny),
        Row(who: "manager", scope: manager, action: .moveOrder(to: .cancelled), subject: active, expected: .allow),
        Row(who: "manager", scope: manager, action: .moveOrder(to: .shipped), subject: active, expected: .deny),
        Row(who: "manager", scope: manager, action: .moveRefill(to: .confirmed), subject: active, expected: .allow),
        Row(who: "manager", scope: manager, action: .moveRefill(to: .approved), subject: active, expected: .deny),
        Row(who: "viewer", scope: viewer, action: .moveRefill(to: .cancelled), subject: active, expected: .deny),
        Row(who: "manager", scope: manager, action: .countInventory, subject: active, expected: .allow),
        Row(who: "owner", scope: owner, action: .editPartner(fields: ["phone", "email"]), subject: active, expected: .allow),
        Row(who: "owner", scope: owner, action: .editPartner(fields: ["phone", "tierCode"]), subject: active, expected: .deny),
        Row(who: "manager", scope: manager, action: .editPartner(fields: ["phone"]), subject: active, expected: .deny),
        Row(who: "owner", scope: owner, action: .manageMembers, subject: active, expected: .allow),
        Row(who: "manager", scope: manager, action: .manageMembers, subject: active, expected: .deny),
        // Status: new business needs an active partner; members of an inactive one only read.
        Row(who: "manager", scope: manager, action: .placeOrder, subject: suspended, expected: .inactive),
        Row(who: "manager", scope: manager, action: .redeemPoints, subject: suspended, expected: .inactive),
        Row(who: "manager", scope: manager, action: .requestRefill, subject: suspended, expected: .inactive),
        Row(who: "manager", scope: manager, action: .countInventory, subject: suspended, expected: .inactive),
        Row(who: "manager", scope: manager, action: .moveOrder(to: .cancelled), subject: suspended, expected: .inactive),
        Row(who: "viewer", scope: viewer, action: .readLoyalty, subject: suspended, expected: .allow),
        Row(who: "owner", scope: owner, action: .editPartner(fields: ["phone"]), subject: applicant, expected: .allow),
        Row(who: "owner", scope: owner, action: .editPartner(fields: ["phone"]), subject: suspended, expected: .inactive),
        Row(who: "staff", scope: staff, action: .placeOrder, subject: suspended, expected: .inactive),
        Row(who: "staff", scope: staff, action: .recordSale, subject: suspended, expected: .inactive),
        Row(who: "staff", scope: staff, action: .moveOrder(to: .delivered), subject: suspended, expected: .allow),
        Row(who: "staff", scope: staff, action: .adjustPoints, subject: suspended, expected: .allow),
        Row(who: "staff", scope: staff, action: .countInventory, subject: suspended, expected: .allow),
        // Integration tokens: scopes govern reads too, and a write implies only its own area's read.
        Row(who: "pricing:write", scope: token(.pricingWrite), action: .readPartner, subject: active, expected: .deny),
        Row(who: "pricing:write", scope: token(.pricingWrite), action: .readContracts, subject: active, expected: .deny),
        Row(who: "pricing:write", scope: token(.pricingWrite), action: .readMembers, subject: active, expected: .deny),
        Row(who: "pricing:write", scope: token(.pricingWrite), action: .readPricing, subject: active, expected: .allow),
        Row(who: "pricing:write", scope: token(.pricingWrite), action: .writeGuardrails, subject: nil, expected: .allow),
        Row(who: "partners:read", scope: token(.partnersRead), action: .readPartner, subject: active, expected: .allow),
        Row(who: "partners:read", scope: token(.partnersRead), action: .readOrders, subject: active, expected: .deny),
        Row(who: "orders:write", scope: token(.ordersWrite), action: .readOrders, subject: active, expected: .allow),
        Row(who: "orders:write", scope: token(.ordersWrite), action: .moveOrder(to: .shipped), subject: active, expected: .allow),
        Row(who: "orders:write", scope: token(.ordersWrite), action: .readPartner, subject: active, expected: .deny),
        Row(who: "contracts:read", scope: token(.contractsRead), action: .readContracts, subject: active, expected: .allow),
        Row(who: "sales:write", scope: token(.salesWrite), action: .readStand, subject: active, expected: .allow),
        Row(who: "sales:write", scope: token(.salesWrite), action: .recordSale, subject: active, expected: .allow),
        Row(who: "sales:write", scope: token(.salesWrite), action: .requestRefill, subject: active, expected: .deny),
        Row(who: "inventory:write", scope: token(.inventoryWrite), action: .moveRefill(to: .shipped), subject: active, expected: .allow),
        Row(who: "inventory:write", scope: token(.inventoryWrite), action: .runLowStockCheck, subject: nil, expected: .allow),
        Row(who: "loyalty:write", scope: token(.loyaltyWrite), action: .adjustPoints, subject: active, expected: .allow),
        Row(who: "events:read", scope: token(.eventsRead), action: .readPartner, subject: active, expected: .deny),
        Row(who: "any token", scope: token(.partnersRead, .ordersWrite), action: .createPartner, subject: nil, expected: .deny),
        Row(who: "any token", scope: token(.partnersRead, .ordersWrite), action: .manageMembers, subject: active, expected: .deny),
        // The AI Stand Coach: any member runs the analysis on its own stand (viewers too, and while
        // inactive); opening the refill it recommends is a refill request; expansion is HQ's.
        Row(who: "viewer", scope: viewer, action: .runStandCoach, subject: active, expected: .allow),
        Row(who: "viewer", scope: viewer, action: .runStandCoach, subject: suspended, expected: .allow),
        Row(who: "owner", scope: owner, action: .runStandCoach, subject: other, expected: .hide),
        Row(who: "viewer", scope: viewer, action: .requestRefill, subject: active, expected: .deny),
        Row(who: "staff", scope: staff, action: .runStandCoach, subject: active, expected: .allow),
        Row(who: "stands:read", scope: token(.standsRead), action: .runStandCoach, subject: active, expected: .allow),
        Row(who: "orders:write", scope: token(.ordersWrite), action: .runStandCoach, subject: active, expected: .deny),
        Row(who: "staff", scope: staff, action: .planExpansion, subject: nil, expected: .allow),
        Row(who: "owner", scope: owner, action: .planExpansion, subject: nil, expected: .deny),
        Row(who: "stands:read", scope: token(.standsRead, .inventoryWrite), action: .planExpansion, subject: nil, expected: .deny),
        // The AI Partner Advisor: HQ, partners:read tokens and every member of the partner (viewers
        // too, and while inactive); another partner is hidden. Price anomalies involve floors and
        // other partners' prices: HQ and pricing tokens only.
        Row(who: "staff", scope: staff, action: .runPartnerAdvisor, subject: active, expected: .allow),
        Row(who: "viewer", scope: viewer, action: .runPartnerAdvisor, subject: active, expected: .allow),
        Row(who: "viewer", scope: viewer, action: .runPartnerAdvisor, subject: suspended, expected: .allow),
        Row(who: "owner", scope: owner, action: .runPartnerAdvisor, subject: other, expected: .hide),
        Row(who: "partners:read", scope: token(.partnersRead), action: .runPartnerAdvisor, subject: active, expected: .allow),
        Row(who: "orders:write", scope: token(.ordersWrite), action: .runPartnerAdvisor, subject: active, expected: .deny),
        Row(who: "staff", scope: staff, action: .checkPriceAnomalies, subject: nil, expected: .allow),
        Row(who: "pricing:read", scope: token(.pricingRead), action: .checkPriceAnomalies, subject: active, expected: .allow),
        Row(who: "partners:read", scope: token(.partnersRead), action: .checkPriceAnomalies, subject: nil, expected: .deny),
        Row(who: "owner", scope: owner, action: .checkPriceAnomalies, subject: active, expected: .deny),
        // Events: the feed for HQ and events:read tokens, webhooks for admins.
        Row(who: "staff", scope: staff, action: .readEvents, subject: nil, expected: .allow),
        Row(who: "events:read", scope: token(.eventsRead), action: .readEvents, subject: nil, expected: .allow),
        Row(who: "partners:read", scope: token(.partnersRead), action: .readEvents, subject: nil, expected: .deny),
        Row(who: "owner", scope: owner, action: .readEvents, subject: nil, expected: .deny),
        Row(who: "admin", scope: admin, action: .manageWebhooks, subject: nil, expected: .allow),
        Row(who: "staff", scope: staff, action: .manageWebhooks, subject: nil, expected: .deny),
        Row(who: "events:read", scope: token(.eventsRead), action: .manageWebhooks, subject: nil, expected: .deny),
        Row(who: "owner", scope: owner, action: .manageWebhooks, subject: nil, expected: .deny),
    ]

    @Test(arguments: rows)
    func decides(_ row: Row) {
        let outcome: Outcome =
            switch AccessPolicy.decide(row.action, by: row.scope, on: row.subject) {
            case .allowed: .allow
            case .denied: .deny
            case .hidden: .hide
            case .inactive: .inactive
            }
        #expect(outcome == row.expected)
    }

    @Test func listsOnlyTheActionsThatWillWork() {
        let candidates: [PolicyAction] = [.readOrders, .placeOrder, .moveOrder(to: .cancelled), .moveOrder(to: .shipped)]
        #expect(
            AccessPolicy.allowedActions(candidates, by: Self.manager, on: Self.active) == [
                .readOrders, .placeOrder, .moveOrder(to: .cancelled),
            ])
        #expect(AccessPolicy.allowedActions(candidates, by: Self.viewer, on: Self.active) == [.readOrders])
        #expect(AccessPolicy.allowedActions(candidates, by: Self.manager, on: Self.suspended) == [.readOrders])
    }

    @Test func writeScopesImplyOnlyTheirOwnRead() {
        #expect(ServiceScope.closure(of: [.ordersWrite]) == [.ordersWrite, .ordersRead])
        #expect(ServiceScope.closure(of: [.inventoryWrite, .salesWrite]) == [.inventoryWrite, .salesWrite, .standsRead])
        #expect(ServiceScope.closure(of: [.pricingWrite]) == [.pricingWrite, .pricingRead])
        #expect(ServiceScope.closure(of: [.loyaltyWrite, .eventsRead]) == [.loyaltyWrite, .eventsRead])
    }
}
