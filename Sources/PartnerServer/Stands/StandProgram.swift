import Fluent
import Foundation
import PartnerCore

/// The Stand Program's services, built once and handed to the API handler.
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

    init(database: any Database, writes: WriteSerializer, pricing: PartnerPricingService, loyaltyRules: StandLoyaltyRules = .init()) {
        self.database = database
        self.writes = writes
        repository = StandRepository(database: database)
        refills = StandRefillService(database: database, writes: writes, pricing: pricing)
        lowStock = LowStockPolicy(refills: refills)
        enrolment = StandEnrolment(writes: writes, database: database, refills: refills)
        sales = StandSaleService(loyalty: StandLoyaltyService(rules: loyaltyRules), lowStock: lowStock)
        counts = StandCountService(lowStock: lowStock)
        performance = StandPerformanceService(database: database)
        payouts = StandPayoutService(writes: writes, database: database)
    }
}
