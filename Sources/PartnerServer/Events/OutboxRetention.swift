import Fluent
import Foundation
import SQLKit

/// Deletes outbox events past their retention. Events are pruned by `occurred_at` only: every
/// consumer has had the retention window to read them. The event feed's positions live beside the
/// outbox; whoever owns them extends this function to record the highest pruned position, so a
/// cursor older than the retention can be told apart (410).
enum OutboxRetention {
    /// Deletes events that occurred before `cutoff`; returns how many.
    @discardableResult
    static func prune(before cutoff: Date, on db: any Database) async throws -> Int {
        try await db.sql().delete(from: OutboxEventRecord.schema).where("occurred_at", .lessThan, SQLBind(cutoff)).returning("id").all()
            .count
    }
}
