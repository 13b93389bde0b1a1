import Foundation

extension PriceOverride {
    /// A stable, human-readable form for version history: `unitPrice 12.50 EUR from 2026-01-01 to 2026-03-31`.
    public var summary: String {
        var text: String
        switch kind {
        case .unitPrice(let price): text = "unitPrice \(price.amount) \(price.currency.code)"
        case .discount(let basisPoints): text = "discount \(Percent.format(basisPoints)) %"
        }
        if let validFrom { text += " from \(CalendarDay.format(validFrom))" }
        if let validTo { text += " to \(CalendarDay.format(validTo))" }
        return text
    }

    /// Guardrail problems with this override for a product, as field errors under `prefix`.
    public func violations(listPrice: Money, unitCost: Money?, guardrail: Guardrail?, prefix: String) -> [FieldError] {
        guard let guardrail else { return [] }
        let field: String
        switch kind {
        case .unitPrice: field = prefix + "unitPrice"
        case .discount: field = prefix + "discountPercent"
        }
        let price = price(from: listPrice)
        return guardrail.violations(of: price, listPrice: listPrice, unitCost: unitCost).map {
            FieldError(field: field, message: "\(price.amount) \(price.currency.code) \($0)")
        }
    }
}

extension PriceOverride {
    /// Reads back a `summary` (as pricing versions record it): `nil` for anything else.
    public init?(sku: String, summary: String) {
        var words = summary.split(separator: " ").map(String.init)[...]
        let kind: Kind
        switch words.popFirst() {
        case "unitPrice":
            guard let amount = words.popFirst(), let code = words.popFirst(), let currency = Currency(code),
                let price = Money(amount: amount, currency: currency)
            else { return nil }
            kind = .unitPrice(price)
        case "discount":
            guard let percent = words.popFirst().flatMap(Double.init), words.popFirst() == "%",
                let basisPoints = FixedPoint.scaled(percent, decimals: 2)
            else { return nil }
            kind = .discount(basisPoints: basisPoints)
        default:
            return nil
        }
        var validFrom: Date?
        var validTo: Date?
        while let word = words.popFirst() {
            guard let day = words.popFirst().flatMap(CalendarDay.parse) else { return nil }
            switch word {
            case "from": validFrom = day
            case "to": validTo = day
            default: return nil
            }
        }
        self.init(sku: sku, kind: kind, validFrom: validFrom, validTo: validTo)
    }
}
