import Fluent
import Foundation
import PartnerCore

extension LowStockPolicy {
    /// The scheduled sweep over one stand: every location whose shelf has lines at or below their
    /// low line (`StockLevel.lowLine`: the coach's current reorder point, else the minimum) gets
    /// the reaction of a sale that crossed — event, alert, automatic refill when the package has
    /// one and none is in flight — once per location, day and set of low SKUs. Returns the
    /// locations it reacted at. One transaction after the stand's lock; an inactive stand is
    /// skipped (refills need an active partner).
    func sweep(_ standID: UUID, at now: Date) async throws -> Int {
        try await writes.transaction(on: database) { db in
            try await db.lockPartner(standID)
            guard try await PartnerRecord.find(standID, on: db)?.status == .active,
                let stand = try await StandPartnerRecord.find(standID, on: db)
            else { return 0 }
            let day = CalendarDay.format(now)
            var reacted = 0
            for location in try await StandLocationRecord.query(on: db).filter(\.$stand.$id == standID).sort(\.$name).all() {
                let locationID = try location.requireID()
                let shelf = try await StandInventoryRecord.query(on: db).filter(\.$location.$id == locationID).all()
                try await StandReorderPoints.apply(to: shelf, at: locationID, on: db, now: now)
                let low = shelf.filter(\.level.isLow).map(\.sku).sorted()
                guard !low.isEmpty,
                    try await AutomationNotices.mark(
                        .lowStockSweep, subjectID: locationID, key: "\(day):\(low.joined(separator: ","))", on: db, at: now)
                else { continue }
                _ = try await react(to: low, stand: stand, location: location, on: db, at: now)
                reacted += 1
            }
            return reacted
        }
    }
}
