import Foundation
import PartnerCore

/// A sale at a stand (the seed's `StandOrder`).
struct StandSale: Equatable, Sendable {
    struct Line: Equatable, Sendable {
        let sku: String
        let name: String
        let quantity: Int
        let listPrice: Money
        let unitPrice: Money
        let lineTotal: Money
        /// Units sold beyond the recorded shelf.
        let shortfall: Int

        /// The till discount below list price on the whole line.
        var discount: Money {
            // At most list price (≤ 10^10) × quantity (≤ 10^5): within Int64.
            Money(minorUnits: (listPrice.minorUnits - unitPrice.minorUnits) * Int64(quantity), currency: listPrice.currency)
        }
    }

    struct Payment: Equatable, Sendable {
        let method: String
        let reference: String?
        let qrCodeID: String?
    }

    let id: UUID
    let number: String
    let standID: UUID
    let locationID: UUID
    let soldAt: Date
    let lines: [Line]
    let units: Int
    let total: Money
    let payment: Payment?
    let pointsEarned: Int
    let lowStockSKUs: [String]
    let refillID: UUID?
    let createdAt: Date
}
