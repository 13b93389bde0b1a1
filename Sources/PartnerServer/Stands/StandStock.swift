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

    /// What a sale leaves on one shelf line: the stock and the shortfall to reconcile.
    struct Move {
        let line: SaleShelf.Line
        let onHand: Int
        let shortfall: Int
    }

    /// A sale's shelf moves in one statement, however many lines it sold.
    static func sell(_ moves: [Move], stand standID: UUID, location locationID: UUID, at now: Date, on db: any Database) async throws {
        guard !moves.isEmpty else { return }
        var onHand: [SQLQueryString] = []
        var shortfall: [SQLQueryString] = []
        for move in moves {
            onHand.append(" WHEN \(bind: move.line.id) THEN \(bind: max(move.onHand, 0))")
            shortfall.append(" WHEN \(bind: move.line.id) THEN \(bind: move.shortfall)")
        }
        let statement: SQLQueryString =
            "UPDATE stand_inventory SET on_hand = CASE id" + onHand.joined() + " END, unreconciled_shortfall = CASE id"
            + shortfall.joined() + " END, updated_at = \(bind: now) WHERE id IN (\(binds: moves.map(\.line.id)))"
        try await db.sql().raw(statement).run()
        for move in moves {
            try await track(
                move.line.sku, from: move.line.onHand, to: max(move.onHand, 0), stand: standID, location: locationID, at: now, on: db)
        }
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
