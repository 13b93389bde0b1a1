import Fluent
import Foundation
import PartnerCore

/// The Stand Program's services, built once as part of `PartnerOSServices`.
struct StandProgram {
    let database: any Database
    let writes: WriteSerializer
    let repository: StandRepository
    let enrolment: StandEnrolment
    let sales: StandSaleService
    let refills: StandRefillService
    let lowStock: LowStockPolicy
    let counts: StandCountService
    let performance: StandPerformanceService
    let payouts: StandPayoutService
    let loyalty: StandLoyaltyService

    init(
        database: any Database, writes: WriteSerializer, idempotency: IdempotencyStore, pricing: PartnerPricingService,
        products: CatalogService, clock: AppClock, loyaltyRules: StandLoyaltyRules = .init()
    ) {
        self.database = database
        self.writes = writes
        repository = StandRepository(database: database, clock: clock)
        loyalty = StandLoyaltyService(database: database, writes: writes, rules: loyaltyRules)
        refills = StandRefillService(database: database, writes: writes, idempotency: idempotency, pricing: pricing, clock: clock)
        lowStock = LowStockPolicy(database: database, writes: writes, refills: refills, clock: clock)
        enrolment = StandEnrolment(writes: writes, database: database, refills: refills, products: products, clock: clock)
        sales = StandSaleService(idempotency: idempotency, loyalty: loyalty, lowStock: lowStock, clock: clock)
        counts = StandCountService(idempotency: idempotency, lowStock: lowStock, clock: clock)
        performance = StandPerformanceService(database: database, stands: repository, clock: clock)
        payouts = StandPayoutService(writes: writes, database: database, clock: clock)
    }
}
