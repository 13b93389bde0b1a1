import Fluent
import SQLKit

extension Database {
    /// The SQLKit view of a Fluent database. Both drivers Partner OS supports are SQL databases.
    func sql() throws -> any SQLDatabase {
        guard let sql = self as? any SQLDatabase else { throw StorageError.notSQL }
        return sql
    }

    var isSQLite: Bool { (self as? any SQLDatabase)?.dialect.name == "sqlite" }
}

enum StorageError: Error {
    case notSQL
}
