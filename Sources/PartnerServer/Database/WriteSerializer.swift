import Fluent
import PartnerCore
import SQLKit

/// Runs write transactions, on SQLite one writer at a time with group commit.
///
/// SQLite allows a single writer, and Fluent's `transaction()` is a deferred `BEGIN`: two transactions
/// that read before they write fail with "database is locked" when both try to upgrade. Queuing them
/// in-process removes the race for the embedded deployment (one process per SQLite file). PostgreSQL
/// handles concurrent writers itself, so there the serializer is a pass-through.
///
/// Group commit: the transactions that queue up while one batch runs are run together in the next
/// batch — one `BEGIN IMMEDIATE … COMMIT` with a savepoint each, so a failing one rolls back only its
/// own work — and each caller is answered only after the batch's COMMIT succeeded. That spreads the
/// cost of a commit over many writes without weakening what an acknowledgement means.
///
/// Batches run on the `SQLiteWriter`'s own connection and thread, which applies the per-connection
/// settings to every connection its pool hands out before the first batch on it.
final class WriteSerializer: Sendable {
    private let queue: CommitQueue?

    /// Serializes through `writer` on SQLite; without one (PostgreSQL) a pass-through.
    init(writer: SQLiteWriter?, maxBatch: Int = 64) {
        queue = writer.map { CommitQueue(writer: $0, maxBatch: maxBatch) }
    }

    /// Hands WAL checkpoints to a background loop (SQLite); false on PostgreSQL, which has none.
    func checkpointInBackground() -> Bool {
        guard let queue else { return false }
        queue.writer.checkpointsInBackground = true
        return true
    }

    /// The WAL is long: the writer copies it before its next batch, so that batch starts the log over
    /// (SQLite; nothing on PostgreSQL).
    func requestWALRestart() {
        queue?.writer.requestWALRestart()
    }

    /// Transactions and the batches they were committed in, so far (SQLite; zero on PostgreSQL).
    func statistics() async -> (transactions: Int, batches: Int) {
        await queue?.statistics ?? (0, 0)
    }

    /// Runs `body` in a transaction, queued behind other writes (and possibly committed with them)
    /// on SQLite, where `database` only names the store and the writer's connection is used.
    func transaction<T: Sendable>(
        on database: any Database,
        _ body: @escaping @Sendable (any Database) async throws -> T
    ) async throws -> T {
        guard let queue else { return try await database.transaction(body) }
        let result = try await queue.perform { try await body($0) }
        guard let value = result as? T else { throw DomainError.conflict("A write returned an unexpected result; retry it.") }
        return value
    }
}

/// The queue of SQLite write transactions and the one task that commits them in batches.
actor CommitQueue {
    struct Job: Sendable {
        let body: @Sendable (any Database) async throws -> any Sendable
        let continuation: CheckedContinuation<any Sendable, any Error>
    }

    nonisolated let writer: SQLiteWriter
    private let maxBatch: Int
    private var pending: [Job] = []
    private var draining = false
    private(set) var statistics = (transactions: 0, batches: 0)

    init(writer: SQLiteWriter, maxBatch: Int) {
        self.writer = writer
        self.maxBatch = max(1, maxBatch)
    }

    /// Queues `body` and answers once the batch it ran in has committed.
    func perform(_ body: @escaping @Sendable (any Database) async throws -> any Sendable) async throws -> any Sendable {
        try await withCheckedThrowingContinuation { continuation in
            pending.append(Job(body: body, continuation: continuation))
            guard !draining else { return }
            draining = true
            Task { await drain() }
        }
    }

    /// Runs batches until the queue is empty. Jobs submitted while a batch runs (the actor is free
    /// while it awaits the database) wait for the next one.
    private func drain() async {
        while !pending.isEmpty {
            let batch = Array(pending.prefix(maxBatch))
            pending.removeFirst(batch.count)
            statistics.transactions += batch.count
            statistics.batches += 1
            let results = await Self.commit(batch, on: writer)
            for (job, result) in zip(batch, results) { job.continuation.resume(with: result) }
        }
        draining = false
    }

    /// One transaction for the batch, a savepoint per job; the results once COMMIT has answered.
    private static func commit(_ batch: [Job], on writer: SQLiteWriter) async -> [Result<any Sendable, any Error>] {
        do {
            return try await writer.run { connection in
                let sql = try connection.sql()
                if writer.takeWALRestart() { try await sql.raw("PRAGMA wal_checkpoint(PASSIVE)").run() }
                try await sql.raw("BEGIN IMMEDIATE").run()
                var results: [Result<any Sendable, any Error>] = []
                for job in batch {
                    try await sql.raw("SAVEPOINT job").run()
                    do {
                        let value = try await job.body(connection)
                        try await sql.raw("RELEASE job").run()
                        results.append(.success(value))
                    } catch {
                        try await sql.raw("ROLLBACK TO job").run()
                        try await sql.raw("RELEASE job").run()
                        results.append(.failure(error))
                    }
                }
                do {
                    try await sql.raw("COMMIT").run()
                } catch {
                    try? await sql.raw("ROLLBACK").run()
                    throw error
                }
                return results
            }
        } catch {
            // Nothing of the batch was committed: every job fails with the reason.
            return batch.map { _ in .failure(error) }
        }
    }
}
