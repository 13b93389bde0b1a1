/// Reads a product catalogue from CSV. All rows must be valid; every problem is reported as
/// `rows[N].column` (N counts data rows from 1) so the sender can fix the file in one go.
public enum ProductCSV {
    public static let requiredColumns = ["sku", "name", "category", "listPrice", "currency"]
    public static let optionalColumns = ["unitCost", "packSize", "active"]
    public static let maxRows = 5_000

    /// The catalogue from already parsed CSV rows (the server reads the file with a CSV library);
    /// blank rows are skipped.
    public static func products(rows parsed: [[String]]) throws(ValidationFailure) -> [ProductDefinition] {
        let rows = parsed.filter { !($0.count == 1 && $0[0].trimmed.isEmpty) && !$0.isEmpty }
        guard let header = rows.first?.map({ $0.trimmed }) else {
            throw ValidationFailure(
                field: "body", message: "must start with a header row: \((requiredColumns + optionalColumns).joined(separator: ","))")
        }
        var v = FieldValidator()
        let missing = requiredColumns.filter { !header.contains($0) }
        if !missing.isEmpty { v.fail("header", "is missing \(missing.joined(separator: ", "))") }
        let unknown = header.filter { !(requiredColumns + optionalColumns).contains($0) }
        if !unknown.isEmpty { v.fail("header", "has unknown columns \(unknown.joined(separator: ", "))") }
        var columns: Set<String> = []
        let repeated = header.filter { !columns.insert($0).inserted }
        if !repeated.isEmpty { v.fail("header", "repeats the columns \(Set(repeated).sorted().joined(separator: ", "))") }
        v.check(rows.count > 1, "body", "has no data rows")
        v.check(rows.count - 1 <= maxRows, "body", "has more than \(maxRows) rows")
        try v.finish()

        var products: [ProductDefinition] = []
        var seen: Set<String> = []
        for (offset, cells) in rows.dropFirst().enumerated() {
            let prefix = "rows[\(offset + 1)]."
            guard cells.count == header.count else {
                v.fail("rows[\(offset + 1)]", "has \(cells.count) cells; the header has \(header.count)")
                continue
            }
            // The header has no repeats (checked above); keeping the first is still total.
            let row = Dictionary(zip(header, cells.map(\.trimmed)), uniquingKeysWith: { first, _ in first })
            func value(_ column: String) -> String? { row[column].flatMap { $0.isEmpty ? nil : $0 } }
            let packSize = value("packSize").map { Int($0) }
            if packSize == .some(nil) { v.fail(prefix + "packSize", "must be a whole number") }
            let active = value("active").map {
                ["true", "yes", "1"].contains($0.lowercased()) ? true : ["false", "no", "0"].contains($0.lowercased()) ? false : nil
            }
            if active == .some(nil) { v.fail(prefix + "active", "must be true or false") }
            let currency = value("currency") ?? ""
            let sku = ProductDefinition.normalizedSKU(value("sku") ?? "")
            if !sku.isEmpty, !seen.insert(sku).inserted { v.fail(prefix + "sku", "repeats \(sku) from an earlier row") }
            do {
                products.append(
                    try ProductDefinition.validated(
                        sku: sku, name: value("name") ?? "", category: value("category") ?? "",
                        listPrice: (value("listPrice") ?? "", currency), unitCost: value("unitCost").map { ($0, currency) },
                        packSize: packSize ?? nil, active: active ?? nil, prefix: prefix))
            } catch {
                for failure in error.errors { v.fail(failure.field, failure.message) }
            }
        }
        try v.finish()
        return products
    }
}
