import Foundation

extension PriceOverride {
    /// One override line as a client sent it: a unit price or a discount (not both), optionally
    /// bounded by calendar days. `nil` when the line sets no price (a removal) or is invalid (the
    /// errors are recorded under `prefix`).
    public static func validated(
        sku: String, listPrice: Money, unitPrice: (amount: String, currency: String)?, discountPercent: Double?, validFrom: String?,
        validTo: String?, prefix: String, validator: inout FieldValidator
    ) -> PriceOverride? {
        let from = validFrom.map { CalendarDay.parse($0) }
        let to = validTo.map { CalendarDay.parse($0) }
        if from == .some(nil) { validator.fail(prefix + "validFrom", "must be a date as YYYY-MM-DD") }
        if to == .some(nil) { validator.fail(prefix + "validTo", "must be a date as YYYY-MM-DD") }
        if let from = from ?? nil, let to = to ?? nil, to < from { validator.fail(prefix + "validTo", "must not be before validFrom") }
        let kind: Kind
        switch (unitPrice, discountPercent) {
        case (nil, nil):
            return nil
        case (.some, .some):
            validator.fail(prefix + "unitPrice", "set either unitPrice or discountPercent, not both")
            return nil
        case (.some(let price), nil):
            guard let money = ProductDefinition.money(price, field: prefix + "unitPrice", validator: &validator) else { return nil }
            guard money.currency == listPrice.currency else {
                validator.fail(prefix + "unitPrice.currency", "must be \(listPrice.currency.code), the product's currency")
                return nil
            }
            guard money.minorUnits > 0 else {
                validator.fail(prefix + "unitPrice.amount", "must be greater than zero")
                return nil
            }
            kind = .unitPrice(money)
        case (nil, .some(let percent)):
            guard let basisPoints = FixedPoint.scaled(percent, decimals: 2), (0...10_000).contains(basisPoints) else {
                validator.fail(prefix + "discountPercent", "must be between 0 and 100 with at most two decimals")
                return nil
            }
            kind = .discount(basisPoints: basisPoints)
        }
        return PriceOverride(sku: sku, kind: kind, validFrom: from ?? nil, validTo: to ?? nil)
    }
}
