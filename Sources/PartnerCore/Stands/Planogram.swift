/// The SKUs a stand location carries and the levels it is kept at.
public struct Planogram: Equatable, Sendable {
    public struct Line: Equatable, Sendable {
        public let sku: String
        public let parLevel: Int
        public let minLevel: Int

        public init(sku: String, parLevel: Int, minLevel: Int) {
            self.sku = sku
            self.parLevel = parLevel
            self.minLevel = minLevel
        }
    }

    public static let maxParLevel = 1_000

    public let lines: [Line]

    public init(lines: [Line]) {
        self.lines = lines
    }

    /// Default levels for a SKU sold in packs of `packSize`: two packs on the shelf, low at a third
    /// of that, so a refill is raised while a pack still sells.
    public static func defaultLine(sku: String, packSize: Int) -> Line {
        let pack = max(packSize, 1)
        let par = max(2 * pack, 4)
        return Line(sku: sku, parLevel: par, minLevel: max(1, par / 3))
    }

    /// The default planogram of a package: its number of facings, picked round-robin across
    /// categories so every shelf carries a mix rather than one category's first SKUs.
    public static func defaultSelection(
        of products: [(sku: String, category: String, packSize: Int)], package: StandPackage
    ) -> Planogram {
        var byCategory: [String: [(sku: String, packSize: Int)]] = [:]
        for product in products.sorted(by: { $0.sku < $1.sku }) {
            byCategory[product.category, default: []].append((product.sku, product.packSize))
        }
        let categories = byCategory.keys.sorted()
        var picked: [Line] = []
        var round = 0
        while picked.count < package.planogramSize {
            let before = picked.count
            for category in categories where picked.count < package.planogramSize {
                if let product = byCategory[category]?.dropFirst(round).first {
                    picked.append(defaultLine(sku: product.sku, packSize: product.packSize))
                }
            }
            if picked.count == before { break }
            round += 1
        }
        return Planogram(lines: picked)
    }

    /// Field errors for requested lines (`planogram[i].…`); SKUs are checked against the catalogue
    /// by the caller.
    public static func validate(_ lines: [Line], capacity: Int?) -> [FieldError] {
        var validator = FieldValidator()
        validator.check(!lines.isEmpty, "planogram", "must contain at least one SKU")
        if let capacity {
            validator.check(lines.count <= capacity, "planogram", "has \(lines.count) SKUs but a location holds at most \(capacity)")
        }
        var seen: Set<String> = []
        for (index, line) in lines.enumerated() {
            if line.sku.isEmpty { validator.fail("planogram[\(index)].sku", "must not be empty") }
            if !seen.insert(line.sku).inserted { validator.fail("planogram[\(index)].sku", "'\(line.sku)' is listed twice") }
            validator.check(
                (1...maxParLevel).contains(line.parLevel), "planogram[\(index)].parLevel", "must be between 1 and \(maxParLevel)")
            validator.check(
                line.minLevel >= 0 && line.minLevel < line.parLevel, "planogram[\(index)].minLevel",
                "must be at least 0 and below parLevel")
        }
        return validator.errors
    }
}
