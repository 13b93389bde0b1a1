import Foundation

/// Everything a stand's detail page shows: the stand, each location's shelf with its demand rate,
/// refills in flight, the loyalty balance and the latest count.
struct StandDetails: Sendable {
    struct Location: Sendable {
        let location: StandLocation
        /// Each shelf line with its average units sold a day over the last 28 days.
        let shelf: [(line: ShelfLine, dailyDemand: Double)]
    }

    let summary: StandSummary
    let locations: [Location]
    let openRefills: [StandRefill]
    let loyaltyBalance: Int
    let latestCount: InventoryCount?
}
