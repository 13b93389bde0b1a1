extension Guardrail {
    /// Validates a guardrail as sent by Pricing OS for a product priced in `currency`.
    /// `prefix` names the line (`items[2].`).
    public static func validated(
        floor: (amount: String, currency: String), ceiling: (amount: String, currency: String)?,
        maxDiscountPercent: Double?, minMarginPercent: Double?, currency: Currency, prefix: String
    ) throws(ValidationFailure) -> Guardrail {
        var v = FieldValidator()
        let floorPrice = ProductDefinition.money(floor, field: prefix + "floorPrice", validator: &v)
        let ceilingPrice = ceiling.flatMap { ProductDefinition.money($0, field: prefix + "ceilingPrice", validator: &v) }
        for (field, price) in [("floorPrice", floorPrice), ("ceilingPrice", ceilingPrice)] {
            guard let price else { continue }
            v.check(price.currency == currency, prefix + field + ".currency", "must be \(currency.code), the product's currency")
            v.check(price.minorUnits >= 0, prefix + field + ".amount", "must not be negative")
        }
        if let floorPrice, let ceilingPrice {
            v.check(ceilingPrice.minorUnits >= floorPrice.minorUnits, prefix + "ceilingPrice", "must not be below the floor price")
        }
        let maxDiscount = maxDiscountPercent.map { FixedPoint.scaled($0, decimals: 2) }
        if let maxDiscount {
            v.check(
                maxDiscount.map { (0...10_000).contains($0) } ?? false, prefix + "maxDiscountPercent",
                "must be between 0 and 100 with at most two decimals")
        }
        let minMargin = minMarginPercent.map { FixedPoint.scaled($0, decimals: 2) }
        if let minMargin {
            v.check(
                minMargin.map { (0...9_999).contains($0) } ?? false, prefix + "minMarginPercent",
                "must be between 0 and 99.99 with at most two decimals")
        }
        try v.finish()
        return Guardrail(
            floorPrice: floorPrice ?? Money(minorUnits: 0, currency: currency), ceilingPrice: ceilingPrice,
            maxDiscountBasisPoints: maxDiscount ?? nil, minMarginBasisPoints: minMargin ?? nil)
    }
}
