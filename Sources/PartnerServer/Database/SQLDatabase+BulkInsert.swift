import SQLKit

/// What a bulk insert does with a row whose key is already taken.
enum InsertConflict: Sendable {
    /// The statement fails (a constraint violation).
    case fail
    /// The row is skipped.
    case ignore(key: [String])
    /// The row's `sums` columns are added to the existing row's: running totals. The rows of one
    /// insert must not repeat a key (PostgreSQL refuses to update a row twice in one statement).
    case add([String], key: [String])
}

extension SQLDatabase {
    /// Inserts `rows` with multi-row INSERT statements of at most ~10,000 bound values each (well
    /// under SQLite's and PostgreSQL's bind limits). Binding columns directly is several times
    /// faster than Fluent's batch `create`, which reads every model's properties by reflection; the
    /// statement is written as text around its binds, because SQLKit's `SQLInsert` quotes every
    /// identifier of every statement anew (the profile of the sale's writer showed it at a sixth).
    /// `table` and `columns` are the code's own names, never input.
    func insert<Row>(
        _ rows: [Row], into table: String, columns: [String], onConflict conflict: InsertConflict = .fail,
        values: (Row) -> [any Encodable & Sendable]
    ) async throws {
        let size = max(1, min(500, 10_000 / max(1, columns.count)))
        let head: SQLQueryString = "INSERT INTO \(unsafeRaw: Self.quoted([table])) (\(unsafeRaw: Self.quoted(columns))) VALUES "
        let tail: SQLQueryString
        switch conflict {
        case .fail: tail = ""
        case .ignore(let key): tail = " ON CONFLICT (\(unsafeRaw: Self.quoted(key))) DO NOTHING"
        case .add(let sums, let key):
            let table = Self.quoted([table])
            let sets = sums.map { column in
                let name = Self.quoted([column])
                return "\(name) = \(table).\(name) + excluded.\(name)"
            }
            tail = " ON CONFLICT (\(unsafeRaw: Self.quoted(key))) DO UPDATE SET \(unsafeRaw: sets.joined(separator: ", "))"
        }
        var start = 0
        while start < rows.count {
            let end = min(rows.count, start + size)
            let tuples: [SQLQueryString] = rows[start..<end].map { "(\(binds: values($0)))" }
            try await raw(head + tuples.joined(separator: ", ") + tail).run()
            start = end
        }
    }

    /// `"a", "b"`: names the code chose, quoted as both SQLite and PostgreSQL read them.
    private static func quoted(_ names: [String]) -> String {
        names.map { #"""# + $0 + #"""# }.joined(separator: ", ")
    }
}
