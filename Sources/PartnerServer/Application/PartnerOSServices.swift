import Fluent
import Vapor

/// The one service graph. `PartnerOSApplication` builds it once; the API handler, the commands and
/// (later) the worker and portal receive it and never construct a service themselves.
struct PartnerOSServices: Sendable {
    let configuration: AppConfiguration
    let writes: WriteSerializer
    let authenticator: Authenticator
    let partners: PartnerRepository
    let users: UserRepository
    let access: AccessService
    let tiers: TierRepository
    let products: ProductRepository
    let guardrails: GuardrailRepository
    let pricing: PartnerPricingService
    let loyalty: LoyaltyService
    let promotions: PromotionRepository
    let contracts: ContractRepository
    let documents: DocumentStore
    let complianceFiles: DocumentStore
    let performance: PerformanceService
    let orders: OrderService
    let orderReader: OrderRepository
    let idempotency: IdempotencyStore
    let stands: StandProgram

    /// Builds every service once, each with the ones it uses, in dependency order.
    init(database: any Database, configuration: AppConfiguration, writes: WriteSerializer) {
        self.configuration = configuration
        self.writes = writes
        authenticator = Authenticator(database: database)
        partners = PartnerRepository(database: database, writes: writes)
        users = UserRepository(database: database, writes: writes)
        access = AccessService(database: database, writes: writes)
        tiers = TierRepository(database: database, writes: writes)
        products = ProductRepository(database: database, writes: writes)
        guardrails = GuardrailRepository(database: database, writes: writes)
        idempotency = IdempotencyStore(database: database, writes: writes)
        promotions = PromotionRepository(database: database, writes: writes)
        pricing = PartnerPricingService(database: database, writes: writes, promotions: promotions)
        performance = PerformanceService(database: database)
        loyalty = LoyaltyService(database: database, idempotency: idempotency, rules: configuration.loyaltyRules)
        contracts = ContractRepository(database: database, writes: writes)
        documents = DocumentStore(dataDirectory: configuration.dataDirectory)
        complianceFiles = DocumentStore(dataDirectory: configuration.dataDirectory, folder: "compliance")
        orders = OrderService(
            database: database, writes: writes, idempotency: idempotency, pricing: pricing, loyalty: loyalty, products: products,
            promotions: promotions, performance: performance)
        orderReader = OrderRepository(database: database)
        stands = StandProgram(database: database, writes: writes, idempotency: idempotency, pricing: pricing, products: products)
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
