import PartnerCore

/// Money in event payloads: the API's `{amount, currency}` object, so consumers read one shape.
struct EventMoney: Encodable, Sendable, Equatable {
    let amount: String
    let currency: String

    init(_ money: Money) {
        amount = money.amount
        currency = money.currency.code
    }
}
