import Foundation
import PartnerCore

/// A stock count of one location, applied as of when it was taken.
struct InventoryCount: Equatable, Sendable {
    struct Line: Equatable, Sendable {
        let sku: String
        let expected: Int
        let counted: Int
        let soldSince: Int
        let deliveredSince: Int
        let onHandAfter: Int
        /// At unit cost: HQ's to see.
        let shrinkageValue: Money

        var variance: Int { counted - expected }
        var shrinkageUnits: Int { max(0, expected - counted) }
    }

    let id: UUID
    let standID: UUID
    let locationID: UUID
    let takenAt: Date
    /// `count`, `delivery_check`, … as the spec names them.
    let source: String
    let note: String?
    let lines: [Line]
    let variance: Int
    let shrinkageUnits: Int
    let shrinkageValue: Money
    let createdAt: Date
}
