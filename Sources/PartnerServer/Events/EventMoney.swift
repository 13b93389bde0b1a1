import PartnerCore

/// Money in an event payload, as the API writes it: `{"amount": "12.50", "currency": "EUR"}`.
struct EventMoney: Encodable, Sendable, Equatable {
    let amount: String
    let currency: String

    init(_ money: Money) {
        amount = money.amount
        currency = money.currency.code
    }
}
