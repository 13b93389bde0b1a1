import SQLKit
import SQLiteKit
import SQLiteNIO
import VaporCSQLite

/// The column names of one statement's result, shared by all its rows.
final class SQLiteColumnNames: Sendable {
    let names: [String]
    /// The first column of each name, as SQLite's own lookup by name answers.
    private let offsets: [String: Int]

    init(names: [String]) {
        self.names = names
        offsets = Dictionary(names.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    }

    convenience init(statement: OpaquePointer) {
        let count = Int(sqlite_nio_sqlite3_column_count(statement))
        self.init(
            names: (0..<Int32(truncatingIfNeeded: count)).map { column in
                sqlite_nio_sqlite3_column_name(statement, column).map { String(cString: $0) } ?? ""
            })
    }

    var count: Int { names.count }

    func offset(of name: String) -> Int? {
        offsets[name]
    }
}

/// One result row of an `SQLiteHandle` statement: SQLiteNIO's values by column, readable through
/// SQLKit (and so Fluent) with the decoder Fluent's SQLite driver uses.
struct SQLiteValuesRow: SQLRow, Sendable {
    let columns: SQLiteColumnNames
    let values: [SQLiteData]

    /// The value of the first column named `name`, nil when there is none.
    func column(_ name: String) -> SQLiteData? {
        columns.offset(of: name).map { values[$0] }
    }

    var allColumns: [String] { columns.names }

    func contains(column: String) -> Bool {
        columns.offset(of: column) != nil
    }

    func decodeNil(column: String) throws -> Bool {
        (self.column(column) ?? .null) == .null
    }

    func decode<D: Decodable>(column: String, as type: D.Type) throws -> D {
        guard let value = self.column(column) else { throw RowReader.MissingColumn(column: column) }
        return try SQLiteDataDecoder().decode(D.self, from: value)
    }
}
