import FluentKit
import SQLKit

/// Fluent's view of one SQL result row, for model queries run outside Fluent's drivers (the SQLite
/// writer's own connection). Fields of a joined model are read as `schema_field`, as Fluent's SQL
/// drivers alias them.
struct SQLRowOutput: DatabaseOutput {
    let row: any SQLRow
    let schema: String?

    var description: String { String(describing: row) }

    func schema(_ schema: String) -> any DatabaseOutput {
        SQLRowOutput(row: row, schema: schema)
    }

    func contains(_ key: FieldKey) -> Bool {
        row.contains(column: column(key))
    }

    func decodeNil(_ key: FieldKey) throws -> Bool {
        try row.decodeNil(column: column(key))
    }

    func decode<T: Decodable>(_ key: FieldKey, as type: T.Type) throws -> T {
        try row.decode(column: column(key), as: T.self)
    }

    private func column(_ key: FieldKey) -> String {
        (schema.map { FieldKey.prefix(.prefix(.string($0), "_"), key) } ?? key).description
    }
}
