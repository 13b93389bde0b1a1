import SQLKit

extension SQLDatabase {
    /// Inserts `rows` with multi-row INSERT statements of at most ~10,000 bound values each (well
    /// under SQLite's and PostgreSQL's bind limits). Binding columns directly is several times
    /// faster than Fluent's batch `create`, which reads every model's properties by reflection.
    func insert<Row>(
        _ rows: [Row], into table: String, columns: [String], ignoringConflictsOn conflictColumns: [String]? = nil,
        values: (Row) -> [any Encodable & Sendable]
    ) async throws {
        let size = max(1, min(500, 10_000 / max(1, columns.count)))
        var start = 0
        while start < rows.count {
            let end = min(rows.count, start + size)
            let insert = self.insert(into: table).columns(columns)
            for row in rows[start..<end] { insert.values(values(row)) }
            if let conflictColumns { insert.ignoringConflicts(with: conflictColumns) }
            try await insert.run()
            start = end
        }
    }
}
