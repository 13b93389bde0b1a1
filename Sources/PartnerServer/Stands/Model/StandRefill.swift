import Foundation
import PartnerCore

/// A refill of one stand location and where it is in its lifecycle.
struct StandRefill: Equatable, Sendable {
    struct Line: Equatable, Sendable {
        let sku: String
        let name: String
        let requestedQuantity: Int
        let quantity: Int
        let deliveredQuantity: Int?
        let listPrice: Money
        let unitPrice: Money
        let priceSource: PriceSource
        let lineTotal: Money
    }

    let id: UUID
    let number: String
    let standID: UUID
    let locationID: UUID
    let status: RefillStatus
    /// `manual`, `automation` or `ai`.
    let source: String
    let note: String?
    let lines: [Line]
    let total: Money
    let requestedAt: Date
    let approvedAt: Date?
    let shippedAt: Date?
    let deliveredAt: Date?
    let confirmedAt: Date?
    let rejectedAt: Date?
    let cancelledAt: Date?
    let paymentDueDate: Date?
    let updatedAt: Date
}
