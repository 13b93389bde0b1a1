/// What a stand's till may declare. A sale is priced at most at the catalogue's list price — a
/// lower till price is a discount and is kept as one — and one sale is at most 1,000,000.00, so no
/// month of sales, commission or points can leave Int64.
public enum StandSalePricing {
    public static let maxSaleTotalMinorUnits: Int64 = 100_000_000

    /// The unit price to record for a line: the declared one when it lies in 0.01 … list price,
    /// the list price when none was declared.
    public static func unitPrice(declared: Money?, listPrice: Money, field: String, into validator: inout FieldValidator) -> Money {
        guard let declared else { return listPrice }
        guard declared.currency == listPrice.currency else {
            validator.fail(field + ".currency", "must be \(listPrice.currency.code), the product's currency")
            return listPrice
        }
        validator.check(declared.minorUnits >= 1, field, "must be at least 0.01")
        validator.check(
            declared.minorUnits <= listPrice.minorUnits, field,
            "must not exceed the list price \(listPrice.amount); a lower till price is recorded as a discount")
        return declared
    }

    /// The sale's total from its line totals; 422 above the cap.
    public static func total(of lineTotals: [Int64]) throws -> Int64 {
        let total = try Checked.sum(lineTotals, field: "items")
        guard total <= maxSaleTotalMinorUnits else {
            throw ValidationFailure(field: "items", message: "add up to more than 1000000.00; split the sale")
        }
        return total
    }
}
