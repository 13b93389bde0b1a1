import Fluent
import Foundation
import PartnerCore

/// An order placed by a partner (the seed's `PartnerOrder`). Totals are stored so lists and
/// dashboards never re-add lines.
final class PartnerOrderRecord: Model, @unchecked Sendable {
    static let schema = "partner_orders"

    @ID(key: .id) var id: UUID?
    @Field(key: "number") var number: String
    @Parent(key: "partner_id") var partner: PartnerRecord
    @Field(key: "status") var status: OrderStatus
    @Field(key: "channel") var channel: String
    @OptionalField(key: "external_ref") var externalRef: String?
    @OptionalField(key: "requested_delivery_date") var requestedDeliveryDate: Date?
    @Field(key: "currency") var currency: String
    @Field(key: "subtotal_minor") var subtotalMinor: Int64
    @Field(key: "total_minor") var totalMinor: Int64
    @Field(key: "placed_by") var placedBy: UUID
    @Field(key: "placed_at") var placedAt: Date
    /// `placedAt` in whole milliseconds since 1970: an exact integer key for sorting, filtering and
    /// cursors, where a floating-point timestamp would drift by an ulp between the drivers.
    @Field(key: "placed_at_ms") var placedAtMillis: Int64
    @OptionalField(key: "confirmed_at") var confirmedAt: Date?
    @OptionalField(key: "shipped_at") var shippedAt: Date?
    @OptionalField(key: "delivered_at") var deliveredAt: Date?
    @OptionalField(key: "cancelled_at") var cancelledAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?
    @Children(for: \.$order) var items: [PartnerOrderItemRecord]

    init() {}

    var money: Currency { Currency(currency) ?? .eur }

    func place(at date: Date) {
        placedAtMillis = Self.millis(date)
        placedAt = Date(timeIntervalSince1970: Double(placedAtMillis) / 1000)
    }

    static func millis(_ date: Date) -> Int64 { Int64((date.timeIntervalSince1970 * 1000).rounded(.down)) }

    /// Records when the order reached `status`.
    func stamp(_ status: OrderStatus, at date: Date) {
        switch status {
        case .confirmed: confirmedAt = date
        case .shipped: shippedAt = date
        case .delivered: deliveredAt = date
        case .cancelled: cancelledAt = date
        case .submitted: break
        }
    }
}
