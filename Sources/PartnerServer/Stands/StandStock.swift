import Fluent
import Foundation

/// Moves a shelf's on-hand and keeps the stock-out record in step: reaching zero opens a
/// stock-out, any stock closes it. Runs inside the caller's transaction, after the stand's lock.
enum StandStock {
    static func setOnHand(_ line: StandInventoryRecord, to onHand: Int, at now: Date, on db: any Database) async throws {
        let before = line.onHand
        line.onHand = max(onHand, 0)
        line.updatedAt = now
        try await line.update(on: db)
        if before > 0 && line.onHand == 0 {
            try await StandStockOutRecord(standID: line.$stand.id, locationID: line.$location.id, sku: line.sku, startedAt: now)
                .create(on: db)
        } else if before == 0 && line.onHand > 0 {
            let open = try await StandStockOutRecord.query(on: db).filter(\.$location.$id == line.$location.id)
                .filter(\.$sku == line.sku).filter(\.$endedAt == nil).all()
            for stockOut in open {
                stockOut.endedAt = max(now, stockOut.startedAt)
                try await stockOut.update(on: db)
            }
        }
    }
}
