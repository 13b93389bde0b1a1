import Fluent

/// The ordered, append-only list of migrations. Never edit one that has landed; add a new one.
enum PartnerOSMigrations {
    static let all: [any Migration] = [
        CreateUsers(),
        CreateAPITokens(),
        CreatePartnerTiers(),
        SeedDefaultTiers(),
        CreatePartners(),
        CreatePartnerUsers(),
        CreateOutboxEvents(),
        AddServiceTokenScopes(),
        CreateCatalog(),
        CreatePartnerPricing(),
        CreatePartnerOrders(),
        CreateLoyaltyLedger(),
        CreatePromotions(),
        CreateContracts(),
        CreatePartnerPerformance(),
        CreateStandProgram(),
        AddAccessControl(),
        AddStandSettlement(),
        AddCountMovements(),
        AddStandCoach(),
        AddStandLifetimeSales(),
        AddStandSalesCoveringIndexes(),
        AddPartnerAdvisor(),
        AddEventDelivery(),
        AddAutomations(),
        AddPromotionStatusTimes(),
        AddReorderPointWait(),
        AddStandSaleItemTimes(),
        AddStandSalesMonths(),
        AddShelfCoachPoints(),
    ]
}
