/// Column lists aliased to the camelCase names of the `Decodable` rows they fill. Decoding by the
/// exact key is far cheaper than `SQLRowDecoder`'s snake-case conversion, which rebuilds the name
/// of every column of every row (the profile of a 50-row list showed it as the largest cost).
enum SQLColumns {
    /// `t.company_name AS "companyName", …`; `prefix` names the row's properties (`tier` →
    /// `tierCode`).
    static func aliased(_ table: String, _ columns: [String], prefix: String = "") -> String {
        columns.map { column in "\(table).\(column) AS \"\(camelCase(column, prefix: prefix))\"" }.joined(separator: ", ")
    }

    static func camelCase(_ column: String, prefix: String = "") -> String {
        let words = (prefix.isEmpty ? [] : [prefix]) + column.split(separator: "_").map(String.init)
        guard let first = words.first else { return column }
        return first + words.dropFirst().map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }
}
