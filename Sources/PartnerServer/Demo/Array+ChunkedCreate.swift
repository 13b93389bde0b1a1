import Fluent

extension Array where Element: Model {
    /// Fluent batch inserts in chunks under SQLite's bound-parameter limit (a few hundred rows).
    func createInChunks(on db: any Database) async throws {
        var index = 0
        while index < count {
            let chunk = Array(self[index..<Swift.min(index + 200, count)])
            try await chunk.create(on: db)
            index += chunk.count
        }
    }
}
