import Fluent

/// Runs write transactions one at a time when the database is SQLite.
///
/// SQLite allows a single writer, and Fluent's `transaction()` is a deferred `BEGIN`: two transactions
/// that read before they write fail with "database is locked" when both try to upgrade. Queuing them
/// in-process removes the race for the embedded deployment (one process per SQLite file).
/// PostgreSQL handles concurrent writers itself, so there the serializer is a pass-through.
///
/// sqlite-kit sets only `foreign_keys` on the connections its pool opens, so the per-connection
/// settings are applied on the writing connection before every write transaction: a connection the
/// pool replaced never writes without them (two pragma statements per write transaction).
final class WriteSerializer: Sendable {
    private let gate: AsyncGate?

    init(serialize: Bool) {
        gate = serialize ? AsyncGate() : nil
    }

    /// Runs `body` in a transaction, queued behind other writes when serializing.
    func transaction<T: Sendable>(
        on database: any Database,
        _ body: @escaping @Sendable (any Database) async throws -> T
    ) async throws -> T {
        guard let gate else { return try await database.transaction(body) }
        await gate.enter()
        do {
            let result = try await database.withConnection { connection in
                try await SQLiteSettings.apply(on: connection)
                return try await connection.transaction(body)
            }
            await gate.leave()
            return result
        } catch {
            await gate.leave()
            throw error
        }
    }
}

/// A first-in, first-out async mutex.
actor AsyncGate {
    private var busy = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    func enter() async {
        guard busy else {
            busy = true
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    func leave() {
        if waiting.isEmpty {
            busy = false
        } else {
            waiting.removeFirst().resume()
        }
    }
}
