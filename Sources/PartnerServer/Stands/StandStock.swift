import Fluent
import Foundation
import SQLKit

/// Moves a shelf's on-hand and keeps the stock-out record in step: reaching zero opens a
/// stock-out, any stock closes it. Runs inside the caller's transaction, after the stand's lock.
enum StandStock {
    static func setOnHand(_ line: StandInventoryRecord, to onHand: Int, at now: Date, on db: any Database) async throws {
        let before = line.onHand
        line.onHand = max(onHand, 0)
        line.updatedAt = now
        try await line.update(on: db)
        try await track(line.sku, from: before, to: line.onHand, stand: line.$stand.id, location: line.$location.id, at: now, on: db)
    }

    /// A sale's shelf move in one statement: what is left and the shortfall to reconcile.
    static func sell(
        _ line: SaleShelf.Line, leaving onHand: Int, shortfall: Int, stand standID: UUID, location locationID: UUID, at now: Date,
        on db: any Database
    ) async throws {
        let after = max(onHand, 0)
        try await db.sql().update(StandInventoryRecord.schema).set("on_hand", to: after).set("unreconciled_shortfall", to: shortfall)
            .set("updated_at", to: now).where("id", .equal, line.id).run()
        try await track(line.sku, from: line.onHand, to: after, stand: standID, location: locationID, at: now, on: db)
    }

    /// Reaching zero opens a stock-out period; stock again closes it.
    private static func track(
        _ sku: String, from before: Int, to after: Int, stand standID: UUID, location locationID: UUID, at now: Date, on db: any Database
    )
        async throws
    {
        if before > 0 && after == 0 {
            try await StandStockOutRecord(standID: standID, locationID: locationID, sku: sku, startedAt: now).create(on: db)
        } else if before == 0 && after > 0 {
            let open = try await StandStockOutRecord.query(on: db).filter(\.$location.$id == locationID)
                .filter(\.$sku == sku).filter(\.$endedAt == nil).all()
            for stockOut in open {
                stockOut.endedAt = max(now, stockOut.startedAt)
                try await stockOut.update(on: db)
            }
        }
    }
}
