import Foundation
import PartnerAdvisor
import PartnerCore

/// What the coach asks for a refill forecast.
struct RefillForecastRequest: Sendable, Hashable {
    var standID: UUID
    var locationID: UUID?
    var horizonDays = 14
    /// The target fill rate.
    var serviceLevel = 0.95
    var leadTimeDays: Int?
    var createRefill = false
    var requestedBy: UUID?

    static let horizonRange = 1...90
    static let leadTimeRange = 1...60
    /// Exclusive bounds of the fill-rate target.
    static let serviceLevelBounds = (lower: 0.5, upper: 0.999)
    static let reviewDays = RefillPolicy.defaultReviewDays
    /// The lead time when a location has no delivered refill to measure.
    static let defaultLeadTimeDays = 3
}

/// A refill forecast of a stand: per location, each line's forecast, interval, reorder point and
/// recommended refill, the refill opened (with `createRefill`), and the stored insight.
struct RefillForecast: Sendable, Equatable {
    struct Line: Sendable, Codable, Equatable {
        let sku: String
        let name: String
        let demandClass: DemandClass
        let method: ForecastMethod
        let forecast: Double
        let interval: RefillForecaster.Interval
        let onHand: Int
        let onOrder: Int
        let reorderPoint: Int
        /// Days an empty shelf waits before its refill is due (`RefillPlan.waitDays`).
        let waitDays: Int
        let orderUpTo: Int
        let safetyStock: Double
        let recommendedQuantity: Int
        let stockOutDate: Date?
        let mase: Double?
        let rmsse: Double?
    }

    struct Location: Sendable, Equatable {
        let locationID: UUID
        let name: String
        let leadTimeDays: Int
        /// `requested`, `measured` (median of past refills) or `default`.
        let leadTimeSource: String
        let lines: [Line]
        let units: Int
        /// Recommended units at list price.
        let value: Money
        let refill: StandRefill?
    }

    /// What the stored insight keeps of each location.
    struct Detail: Sendable, Codable, Equatable {
        let locationID: UUID
        let leadTimeDays: Int
        let lines: [Line]
    }

    let standID: UUID
    let generatedAt: Date
    let serviceLevel: Double
    let horizonDays: Int
    let locations: [Location]
    let insight: StoredInsight
}
