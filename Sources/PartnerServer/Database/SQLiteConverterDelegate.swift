import FluentKit
import FluentSQL
import SQLKit

/// How Fluent's queries and schemas become SQLite SQL on the writer's own connection: the column
/// types Fluent's SQLite driver uses (dates as REAL seconds, strings and enums as TEXT).
struct SQLiteConverterDelegate: SQLConverterDelegate {
    func customDataType(_ dataType: DatabaseSchema.DataType) -> (any SQLExpression)? {
        switch dataType {
        case .string, .enum: SQLRaw("TEXT")
        case .datetime: SQLRaw("REAL")
        case .int64: SQLRaw("INTEGER")
        default: nil
        }
    }
}
