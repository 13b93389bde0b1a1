import Fluent
import Foundation
import PartnerCore

/// A refill of one stand location and its lifecycle.
final class StandRefillOrderRecord: Model, @unchecked Sendable {
    static let schema = "stand_refill_orders"

    @ID(key: .id) var id: UUID?
    @Field(key: "number") var number: String
    @Parent(key: "stand_id") var stand: StandPartnerRecord
    @Parent(key: "location_id") var location: StandLocationRecord
    @Field(key: "status") var status: RefillStatus
    @Field(key: "source") var source: String
    @OptionalField(key: "note") var note: String?
    /// The location id while the refill is in flight, else nil: a unique index on it makes "one
    /// refill in flight per location" hold under any concurrency.
    @OptionalField(key: "in_flight_location_id") var inFlightLocationID: UUID?
    @Field(key: "currency") var currency: String
    @Field(key: "total_minor") var totalMinor: Int64
    @Field(key: "requested_at") var requestedAt: Date
    @Field(key: "requested_at_ms") var requestedAtMillis: Int64
    @OptionalField(key: "requested_by") var requestedBy: UUID?
    @OptionalField(key: "approved_at") var approvedAt: Date?
    @OptionalField(key: "shipped_at") var shippedAt: Date?
    @OptionalField(key: "delivered_at") var deliveredAt: Date?
    @OptionalField(key: "confirmed_at") var confirmedAt: Date?
    @OptionalField(key: "rejected_at") var rejectedAt: Date?
    @OptionalField(key: "cancelled_at") var cancelledAt: Date?
    @OptionalField(key: "payment_due_date") var paymentDueDate: Date?
    @Field(key: "updated_at") var updatedAt: Date
    @Children(for: \.$refill) var lines: [StandRefillOrderLineRecord]

    init() {}

    var money: Currency { Currency(currency) ?? .eur }

    func request(at date: Date) {
        requestedAtMillis = PartnerOrderRecord.millis(date)
        requestedAt = Date(timeIntervalSince1970: Double(requestedAtMillis) / 1000)
        updatedAt = requestedAt
    }

    /// Records when the refill entered `status` and keeps the in-flight slot in step.
    func stamp(_ status: RefillStatus, at date: Date) {
        switch status {
        case .requested: break
        case .approved: approvedAt = date
        case .shipped: shippedAt = date
        case .delivered: deliveredAt = date
        case .confirmed: confirmedAt = date
        case .rejected: rejectedAt = date
        case .cancelled: cancelledAt = date
        }
        if !status.isInFlight { inFlightLocationID = nil }
        updatedAt = date
    }
}
