import Fluent
import Foundation
import SQLKit

/// Writes a generated history with multi-row SQL inserts (the scale seed writes a million order
/// lines this way).
extension DemoOrderHistory.Rows {
    func insert(on db: any Database) async throws {
        let sql = try db.sql()
        try await PartnerOrderRecord.insert(orders, items: items, on: sql)
        try await sql.insert(
            ledger, into: LoyaltyEntryRecord.schema,
            columns: [
                "id", "partner_id", "kind", "points", "occurred_at", "occurred_at_ms", "expires_at", "idempotency_key", "reference", "note",
                "created_by",
            ]
        ) {
            [
                $0.id, $0.$partner.id, $0.kind.rawValue, $0.points, $0.occurredAt, $0.occurredAtMillis, $0.expiresAt, $0.idempotencyKey,
                $0.reference, $0.note, $0.createdBy,
            ]
        }
        try await sql.insert(
            performance, into: PartnerPerformanceRecord.schema,
            columns: ["id", "partner_id", "month", "currency", "revenue_minor", "orders", "loyalty_earned", "updated_at"]
        ) { [$0.id, $0.$partner.id, $0.month, $0.currency, $0.revenueMinor, $0.orders, $0.loyaltyEarned, $0.updatedAt] }
    }
}
