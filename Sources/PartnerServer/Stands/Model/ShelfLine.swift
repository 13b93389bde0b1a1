import Foundation
import PartnerCore

/// One planogram SKU at one location: the shelf, what is on its way, and its levels.
struct ShelfLine: Equatable, Sendable {
    let locationID: UUID
    let sku: String
    let name: String
    let level: StockLevel
    /// Units sold beyond the recorded shelf since the last count.
    let unreconciledShortfall: Int
}
