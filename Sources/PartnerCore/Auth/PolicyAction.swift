import Foundation

/// Everything a caller can ask the platform to do, for the one `AccessPolicy` to decide. Actions on
/// one partner's world are decided together with that partner (`PolicySubject`).
public enum PolicyAction: Hashable, Sendable {
    // People and access (network-wide)
    case manageUsers
    case manageServiceTokens
    case manageTiers
    // The registry
    case createPartner
    case readPartner
    case editPartner(fields: Set<String>)
    case readMembers
    case manageMembers
    // Catalogue and pricing
    case manageCatalogue
    /// Unit costs, guardrail floors and margins, directly or derived (shrinkage at cost).
    case readCosts
    case readGuardrails
    case writeGuardrails
    case readPricing
    case changePricing
    /// Who changed a partner's prices, when and why, with the before and after.
    case readPricingHistory
    case managePromotions
    // Orders
    case readOrders
    case placeOrder
    case moveOrder(to: OrderStatus)
    // Contracts and compliance
    case readContracts
    case manageContracts
    // Loyalty and performance
    case readLoyalty
    case redeemPoints
    case adjustPoints
    case readPerformance
    case readAlerts
    /// Mark one of the partner's alerts read (any member: it is shared by the partner's users).
    case markAlertRead
    // The Stand Program
    case enrolStand
    case readStand
    case recordSale
    case requestRefill
    case moveRefill(to: RefillStatus)
    case countInventory
    case runLowStockCheck
    case closePayouts
    // The AI Stand Coach
    /// Generate a stand's refill forecast or performance insight (analysis: any member may; opening
    /// the recommended refill is `requestRefill`).
    case runStandCoach
    /// Score candidate sites for new stand locations across the network.
    case planExpansion
    // The AI Partner Advisor
    /// Score a partner's health, expansion readiness and compliance, and read its insights (analysis
    /// of what the partner may already read: any member may).
    case runPartnerAdvisor
    /// Check prices for anomalies against floors, tier bands and what comparable partners paid
    /// (floors and other partners' prices are involved: HQ and pricing tokens only).
    case checkPriceAnomalies
    // Events leaving the system
    /// Read the event feed (integrations: HQ and events:read tokens; events span every partner).
    case readEvents
    /// Register, inspect, rotate, test and replay webhook subscriptions (admin).
    case manageWebhooks
    // Operations (network-wide, HQ only)
    /// The scheduled automations and their last runs.
    case readAutomations
    /// HQ's own alert inbox (failed automations, dead-lettered webhooks).
    case readHQAlerts
}

/// The partner an action concerns: who it is and whether it is in business.
public struct PolicySubject: Equatable, Sendable {
    public let partnerID: UUID
    public let status: PartnerStatus

    public init(partnerID: UUID, status: PartnerStatus) {
        self.partnerID = partnerID
        self.status = status
    }
}
