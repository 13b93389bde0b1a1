import Fluent
import Foundation
import PartnerCore

/// The AI Stand Coach's services, built once as part of `PartnerOSServices`.
struct StandCoach {
    let demand: StandDemandReader
    let refillForecasts: RefillForecastService
    let performance: PerformanceInsightService
    let expansion: ExpansionService
    let database: any Database

    init(database: any Database, writes: WriteSerializer, idempotency: IdempotencyStore, stands: StandProgram, clock: AppClock) {
        self.database = database
        demand = StandDemandReader(database: database)
        refillForecasts = RefillForecastService(
            database: database, writes: writes, idempotency: idempotency, refills: stands.refills, demand: demand, clock: clock)
        performance = PerformanceInsightService(database: database, writes: writes, demand: demand, clock: clock)
        expansion = ExpansionService(database: database, writes: writes, clock: clock)
    }

    /// A stand's insights, newest first (optionally one kind).
    func insights(of standID: UUID, kind: String?, page: PageRequest) async throws -> Page<StoredInsight> {
        try await InsightStore.list(of: standID, kind: kind, page: page, on: database)
    }
}
