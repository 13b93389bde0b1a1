import Fluent
import PartnerCore
import Vapor

/// The one service graph. `PartnerOSApplication` builds it once; the API handler, the commands and
/// (later) the worker and portal receive it and never construct a service themselves. A class:
/// every request copies its handler, and a reference is one retain where the graph's dozens of
/// service values were a retain each (measured on `/auth/me`).
final class PartnerOSServices: Sendable {
    let configuration: AppConfiguration
    let clock: AppClock
    let writes: WriteSerializer
    let callers: CallerCache
    let authenticator: Authenticator
    let tiers: TierService
    let partners: PartnerService
    let users: UserService
    let access: AccessService
    let signIn: SignInService
    let products: CatalogService
    let guardrails: GuardrailService
    let promotions: PromotionService
    let pricing: PartnerPricingService
    let loyalty: LoyaltyService
    let contracts: ContractService
    let compliance: ComplianceService
    let performance: PerformanceService
    let orders: OrderService
    let orderReader: OrderRepository
    let overview: PartnerOverviewService
    let idempotency: IdempotencyStore
    let alerts: PartnerAlerts
    let stands: StandProgram
    let coach: StandCoach
    let advisor: PartnerAdvisorService
    let priceAnomalies: PriceAnomalyService
    let dealerRisk: DealerRiskService
    let reorders: ReorderSuggestionService
    let sequencer: OutboxSequencer
    let events: EventFeed
    let webhooks: WebhookService
    let relay: WebhookRelay
    let automations: AutomationRunner

    /// Builds every service once, each with the ones it uses, in dependency order.
    init(
        database: any Database, configuration: AppConfiguration, writes: WriteSerializer, passwords: PasswordHashing,
        decoyPasswordHash: String, threadPool: NIOThreadPool, eventLoopGroup: any EventLoopGroup
    ) {
        let clock = AppClock(configuration.clock)
        self.configuration = configuration
        self.clock = clock
        self.writes = writes
        callers = CallerCache()
        authenticator = Authenticator(database: database, callers: callers, clock: clock)
        tiers = TierService(database: database, writes: writes)
        partners = PartnerService(database: database, writes: writes, tiers: tiers, clock: clock)
        users = UserService(database: database, writes: writes, callers: callers, clock: clock)
        access = AccessService(database: database, writes: writes, callers: callers, clock: clock)
        signIn = SignInService(
            users: users, access: access, throttle: LoginThrottle(limits: configuration.loginLimits), passwords: passwords,
            decoyHash: decoyPasswordHash, tokenLifetime: configuration.tokenLifetime, clock: clock)
        products = CatalogService(database: database, writes: writes)
        guardrails = GuardrailService(database: database, writes: writes, catalogue: products, clock: clock)
        idempotency = IdempotencyStore(database: database, writes: writes, clock: clock)
        promotions = PromotionService(database: database, writes: writes, products: products, tiers: tiers, clock: clock)
        pricing = PartnerPricingService(
            database: database, writes: writes, promotions: promotions, catalogue: products, guardrails: guardrails, tiers: tiers,
            clock: clock)
        performance = PerformanceService(database: database, clock: clock)
        loyalty = LoyaltyService(
            database: database, writes: writes, idempotency: idempotency, rules: configuration.loyaltyRules, clock: clock)
        contracts = ContractService(
            database: database, writes: writes, documents: DocumentStore(dataDirectory: configuration.dataDirectory), clock: clock)
        compliance = ComplianceService(
            database: database, writes: writes, files: DocumentStore(dataDirectory: configuration.dataDirectory, folder: "compliance"),
            products: products, clock: clock)
        orders = OrderService(
            database: database, writes: writes, idempotency: idempotency, pricing: pricing, loyalty: loyalty, products: products,
            promotions: promotions, performance: performance, clock: clock)
        orderReader = OrderRepository(database: database)
        let partnerInsights = PartnerInsightStore(database: database)
        overview = PartnerOverviewService(
            orders: orderReader, loyalty: loyalty, performance: performance, contracts: contracts, compliance: compliance, tiers: tiers,
            clock: clock, insights: partnerInsights)
        alerts = PartnerAlerts(database: database, writes: writes, clock: clock)
        stands = StandProgram(
            database: database, writes: writes, idempotency: idempotency, pricing: pricing, products: products, clock: clock)
        coach = StandCoach(database: database, writes: writes, idempotency: idempotency, stands: stands, clock: clock)
        advisor = PartnerAdvisorService(
            database: database, writes: writes,
            signals: PartnerSignalsReader(
                database: database, performance: performance, contracts: contracts, compliance: compliance, tiers: tiers),
            store: partnerInsights, clock: clock)
        priceAnomalies = PriceAnomalyService(
            database: database, pricing: pricing, products: products, guardrails: guardrails, clock: clock)
        dealerRisk = DealerRiskService(database: database, advisor: advisor, clock: clock)
        reorders = ReorderSuggestionService(database: database, pricing: pricing, promotions: promotions, clock: clock)
        sequencer = OutboxSequencer(database: database, writes: writes)
        events = EventFeed(database: database, sequencer: sequencer)
        let resolver = SystemHostResolver(threadPool: threadPool)
        webhooks = WebhookService(
            database: database, writes: writes, sequencer: sequencer, rules: configuration.webhookTargets, resolver: resolver, clock: clock)
        relay = WebhookRelay(
            database: database, writes: writes, sequencer: sequencer, rules: configuration.webhookTargets, resolver: resolver,
            sender: WebhookSender(eventLoopGroup: eventLoopGroup, timeout: configuration.webhookTimeout), clock: clock)
        let notices = AutomationNotices(database: database, writes: writes)
        var automationLog = Logger(label: "partneros.automations")
        automationLog.logLevel = configuration.logLevel
        automations = AutomationRunner(
            lease: AutomationLease(database: database, writes: writes), clock: clock,
            automations: [
                ContractRenewalsAutomation(contracts: contracts, notices: notices),
                ComplianceExpiryAutomation(compliance: compliance, notices: notices),
                PayoutsCloseAutomation(payouts: stands.payouts),
                LoyaltyExpiryAutomation(loyalty: loyalty),
                LoyaltyBonusesAutomation(loyalty: loyalty),
                TierReviewAutomation(partners: partners, overview: overview, notices: notices),
                LowStockSweepAutomation(partners: partners, lowStock: stands.lowStock),
                StandStreakBonusesAutomation(loyalty: stands.loyalty),
                AIRefreshAutomation(partners: partners, advisor: advisor, coach: coach),
                PruneAutomation(database: database, writes: writes, retention: configuration.retention),
            ], logger: automationLog)
    }
}

extension Application {
    private struct ServicesKey: StorageKey {
        typealias Value = PartnerOSServices
    }

    /// The service graph `PartnerOSApplication.configure` built.
    var partnerOS: PartnerOSServices {
        get {
            guard let services = storage[ServicesKey.self] else {
                preconditionFailure("PartnerOSApplication.configure has not run")
            }
            return services
        }
        set { storage[ServicesKey.self] = newValue }
    }
}
