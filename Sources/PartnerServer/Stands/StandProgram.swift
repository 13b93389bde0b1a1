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

    init(
        database: any Database, writes: WriteSerializer, idempotency: IdempotencyStore, pricing: PartnerPricingService,
        products: ProductRepository, loyaltyRules: StandLoyaltyRules = .init()
    ) {
        self.database = database
        self.writes = writes
        repository = StandRepository(database: database)
        refills = StandRefillService(database: database, writes: writes, idempotency: idempotency, pricing: pricing)
        lowStock = LowStockPolicy(database: database, writes: writes, refills: refills)
        enrolment = StandEnrolment(writes: writes, database: database, refills: refills, products: products)
        sales = StandSaleService(idempotency: idempotency, loyalty: StandLoyaltyService(rules: loyaltyRules), lowStock: lowStock)
        counts = StandCountService(idempotency: idempotency, lowStock: lowStock)
        performance = StandPerformanceService(database: database)
        payouts = StandPayoutService(writes: writes, database: database)
    }
}
