/// A catalogue product, validated.
public struct ProductDefinition: Equatable, Sendable {
    public var sku: String
    public var name: String
    public var category: String
    public var listPrice: Money
    public var unitCost: Money?
    public var packSize: Int
    public var active: Bool

    public init(
        sku: String, name: String, category: String, listPrice: Money, unitCost: Money? = nil, packSize: Int = 1, active: Bool = true
    ) {
        self.sku = sku
        self.name = name
        self.category = category
        self.listPrice = listPrice
        self.unitCost = unitCost
        self.packSize = packSize
        self.active = active
    }

    /// Builds a product from raw request values; `prefix` names fields inside a bigger document
    /// (`rows[3].`).
    public static func validated(
        sku: String, name: String, category: String, listPrice: (amount: String, currency: String),
        unitCost: (amount: String, currency: String)?, packSize: Int?, active: Bool?, prefix: String = ""
    ) throws(ValidationFailure) -> ProductDefinition {
        var v = FieldValidator()
        let sku = Self.normalizedSKU(sku)
        v.check(Self.isValidSKU(sku), prefix + "sku", "must be 2–40 characters of A–Z, 0–9, - and _")
        let name = v.requiredText(name, prefix + "name", maxLength: 200) ?? name
        let category = v.requiredText(category, prefix + "category", maxLength: 80) ?? category
        let list = Self.money(listPrice, field: prefix + "listPrice", validator: &v)
        if let list, list.minorUnits <= 0 { v.fail(prefix + "listPrice.amount", "must be greater than zero") }
        let cost = unitCost.flatMap { Self.money($0, field: prefix + "unitCost", validator: &v) }
        if let cost, let list {
            v.check(cost.currency == list.currency, prefix + "unitCost.currency", "must match the list price currency")
            v.check(cost.minorUnits >= 0, prefix + "unitCost.amount", "must not be negative")
        }
        let packSize = packSize ?? 1
        v.check((1...10_000).contains(packSize), prefix + "packSize", "must be between 1 and 10000")
        try v.finish()
        return ProductDefinition(
            sku: sku, name: name, category: category, listPrice: list ?? Money(minorUnits: 0, currency: .eur),
            unitCost: cost, packSize: packSize, active: active ?? true)
    }

    public static func normalizedSKU(_ raw: String) -> String { raw.trimmed.uppercased() }

    public static func isValidSKU(_ sku: String) -> Bool {
        (2...40).contains(sku.count) && sku.allSatisfy { $0.isASCII && ($0.isUppercase || $0.isNumber || $0 == "-" || $0 == "_") }
    }

    /// Parses `{amount, currency}`; reports which half is wrong.
    public static func money(_ raw: (amount: String, currency: String), field: String, validator: inout FieldValidator) -> Money? {
        guard let currency = Currency(raw.currency.trimmed) else {
            validator.fail(field + ".currency", "must be an ISO 4217 code such as EUR")
            return nil
        }
        guard let money = Money(amount: raw.amount.trimmed, currency: currency) else {
            validator.fail(field + ".amount", "must be a decimal amount with at most \(currency.minorUnitDigits) decimals, such as 12.50")
            return nil
        }
        // A bound far above any cosmetics price keeps every total and percentage in Int64 range.
        guard money.minorUnits.magnitude <= Money.maxMinorUnits else {
            validator.fail(field + ".amount", "is too large")
            return nil
        }
        return money
    }
}
