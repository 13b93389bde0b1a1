import Foundation
import PartnerCore

/// Filters shared by the partner and dealer order lists.
struct OrderFilter: Sendable {
    var status: OrderStatus?
    /// Placed at or after (midnight UTC of the `from` day).
    var from: Date?
    /// Placed before (midnight UTC after the `to` day).
    var until: Date?
}
