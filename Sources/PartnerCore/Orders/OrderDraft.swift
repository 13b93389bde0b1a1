/// The lines of an order as requested: SKUs and quantities only — prices always come from the
/// pricing engine, never from the client.
public struct OrderDraft: Equatable, Sendable {
    public struct Line: Equatable, Sendable {
        public let sku: String
        public let quantity: Int
        /// Position of the SKU's first line in the request, for error messages.
        public var index: Int = 0

        public init(sku: String, quantity: Int, index: Int = 0) {
            self.sku = sku
            self.quantity = quantity
            self.index = index
        }
    }

    public static let maxLines = 200
    public static let maxQuantity = 100_000

    public let lines: [Line]

    /// Validates quantities and merges repeated SKUs into one line.
    public init(items: [(sku: String, quantity: Int)]) throws(ValidationFailure) {
        var validator = FieldValidator()
        validator.check(!items.isEmpty, "items", "must contain at least one line")
        validator.check(items.count <= Self.maxLines, "items", "must contain at most \(Self.maxLines) lines")
        var merged: [String: Int] = [:]
        var firstIndex: [String: Int] = [:]
        var order: [String] = []
        for (index, item) in items.enumerated() {
            let sku = item.sku.trimmed.uppercased()
            if sku.isEmpty { validator.fail("items[\(index)].sku", "must not be empty") }
            if item.quantity <= 0 {
                validator.fail("items[\(index)].quantity", "must be a positive whole number")
            } else if item.quantity > Self.maxQuantity {
                validator.fail("items[\(index)].quantity", "must be at most \(Self.maxQuantity)")
            }
            guard !sku.isEmpty, item.quantity > 0 else { continue }
            if merged[sku] == nil {
                order.append(sku)
                firstIndex[sku] = index
            }
            merged[sku, default: 0] += item.quantity
        }
        for sku in order where merged[sku, default: 0] > Self.maxQuantity {
            validator.fail("items[\(firstIndex[sku] ?? 0)].quantity", "adds up to more than \(Self.maxQuantity) for \(sku)")
        }
        try validator.finish()
        lines = order.map { Line(sku: $0, quantity: merged[$0] ?? 0, index: firstIndex[$0] ?? 0) }
    }
}
