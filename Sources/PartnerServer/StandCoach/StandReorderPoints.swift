import Fluent
import Foundation
import PartnerAdvisor
import SQLKit

/// The coach's reorder points per location × SKU, kept with the time they were computed. One row
/// per location and SKU, replaced by every refill forecast; a row is current for 7 days, after
/// which the planogram minimum is the low line again (demand moves, and a stale forecast should
/// not keep deciding refills).
enum StandReorderPoints {
    static let currentFor: TimeInterval = 7 * 86_400

    /// Sets each line's `reorderPoint` and `waitDays` from the location's current reorder points
    /// (clears them where none is current), and the whole days an empty shelf has stood empty
    /// (since its open stock-out began). Runs inside the caller's transaction.
    static func apply(to shelf: [StandInventoryRecord], at locationID: UUID, on db: any Database, now: Date) async throws {
        let since = PartnerOrderRecord.millis(now.addingTimeInterval(-currentFor))
        let rows = try await StandReorderPointRecord.query(on: db).filter(\.$location.$id == locationID)
            .filter(\.$computedAtMillis >= since).all()
        let points = Dictionary(rows.map { ($0.sku, $0) }, uniquingKeysWith: { first, _ in first })
        // Only a line that waits needs its empty days.
        let emptySince =
            shelf.contains { $0.onHand <= 0 && (points[$0.sku]?.waitDays ?? 0) > 0 }
            ? try await StandEmptyShelves.since(StandStockOutRecord.query(on: db).filter(\.$location.$id == locationID)) : [:]
        for line in shelf {
            line.reorderPoint = points[line.sku]?.reorderPoint
            line.waitDays = points[line.sku]?.waitDays ?? 0
            let emptied = line.onHand > 0 ? nil : emptySince[.init(locationID: locationID, sku: line.sku)]
            line.emptyDays = StandEmptyShelves.days(since: emptied, now: now)
        }
    }

    struct Entry: Sendable {
        let locationID: UUID
        let sku: String
        let plan: RefillPlan
        let leadTimeDays: Int
    }

    /// Replaces the stored points of the given lines (inside the caller's transaction).
    static func store(
        _ entries: [Entry], stand standID: UUID, serviceLevel: Double, insightID: UUID?, on db: any Database, at now: Date
    ) async throws {
        let millis = PartnerOrderRecord.millis(now)
        for (locationID, lines) in Dictionary(grouping: entries, by: \.locationID) {
            try await StandReorderPointRecord.query(on: db).filter(\.$location.$id == locationID).filter(\.$sku ~~ lines.map(\.sku))
                .delete()
            for entry in lines {
                let row = StandReorderPointRecord()
                row.$stand.id = standID
                row.$location.id = entry.locationID
                row.sku = entry.sku
                row.reorderPoint = entry.plan.reorderPoint
                row.waitDays = entry.plan.waitDays
                row.orderUpTo = entry.plan.orderUpTo
                row.safetyStock = entry.plan.safetyStock
                row.serviceLevel = serviceLevel
                row.leadTimeDays = entry.leadTimeDays
                row.insightID = insightID
                row.computedAtMillis = millis
                row.computedAt = Date(timeIntervalSince1970: Double(millis) / 1000)
                try await row.create(on: db)
            }
            try await copyToShelf(lines.map { ($0.sku, $0.plan.reorderPoint) }, at: locationID, computedAt: millis, on: db)
        }
    }

    /// Sets the shelf lines' copies of their points (`AddShelfCoachPoints`), which the stand list
    /// counts low lines from; every write of a point goes through here, in the point's transaction.
    static func copyToShelf(
        _ points: [(sku: String, reorderPoint: Int)], at locationID: UUID, computedAt millis: Int64, on db: any Database
    ) async throws {
        guard !points.isEmpty else { return }
        let cases = points.map { point -> SQLQueryString in "WHEN \(bind: point.sku) THEN \(bind: point.reorderPoint)" }
        try await db.sql().raw(
            """
            UPDATE stand_inventory SET coach_reorder_point = CASE sku \(cases.joined(separator: " ")) END, \
            coach_point_at_ms = \(bind: millis) \
            WHERE location_id = \(bind: locationID) AND sku IN (\(binds: points.map(\.sku)))
            """
        ).run()
    }
}
