import Fluent
import Foundation
import PartnerCore

/// A sale at a stand (the seed's `StandOrder`), with its QR/payment metadata.
final class StandOrderRecord: Model, @unchecked Sendable {
    static let schema = "stand_orders"

    @ID(key: .id) var id: UUID?
    @Field(key: "number") var number: String
    @Parent(key: "stand_id") var stand: StandPartnerRecord
    @Parent(key: "location_id") var location: StandLocationRecord
    @Field(key: "sold_at") var soldAt: Date
    /// `soldAt` in whole milliseconds: the exact sort and cursor key.
    @Field(key: "sold_at_ms") var soldAtMillis: Int64
    @Field(key: "currency") var currency: String
    @Field(key: "total_minor") var totalMinor: Int64
    @Field(key: "units") var units: Int
    @OptionalField(key: "payment_method") var paymentMethod: String?
    @OptionalField(key: "payment_reference") var paymentReference: String?
    @OptionalField(key: "qr_code_id") var qrCodeID: String?
    @Field(key: "points_earned") var pointsEarned: Int
    @Field(key: "low_stock_skus") var lowStockSKUs: String
    @OptionalField(key: "refill_id") var refillID: UUID?
    /// The payout that paid this sale's commission; nil until a month close pays it.
    @OptionalField(key: "payout_id") var payoutID: UUID?
    @OptionalField(key: "created_by") var createdBy: UUID?
    @Field(key: "created_at") var createdAt: Date
    @Children(for: \.$order) var items: [StandOrderItemRecord]

    init() {}

    var money: Currency { Currency(currency) ?? .eur }

    func sell(at date: Date) {
        soldAtMillis = PartnerOrderRecord.millis(date)
        soldAt = Date(timeIntervalSince1970: Double(soldAtMillis) / 1000)
    }
}
