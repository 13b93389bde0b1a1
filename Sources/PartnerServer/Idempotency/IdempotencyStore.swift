import Fluent
import Foundation
import PartnerCore
import SQLKit

/// Makes a creating POST safe to retry: the first request with a key does the work and stores its
/// response in the same transaction; replays get that response back; the same key with a different
/// body is refused. Concurrent duplicates are settled by the unique (scope, key) index: the loser's
/// transaction rolls back and it answers with the winner's response.
struct IdempotencyStore {
    let database: any Database
    let writes: WriteSerializer
    let clock: AppClock

    /// Runs `body` in one write transaction (the write serializer's) that first claims the key and
    /// finally stores `body`'s response; a replay returns the stored response without running it.
    func perform<Response: Codable & Sendable>(
        _ request: IdempotentRequest, _ body: @escaping @Sendable (any Database) async throws -> Response
    ) async throws -> Response {
        let (scope, key, fingerprint) = (request.scope, request.key, request.fingerprint)
        let now = clock.now
        return try await writes.transaction(on: database) { db in
            let sql = try db.sql()
            // Claim the key first: a concurrent duplicate waits here (PostgreSQL) or runs after this
            // one (SQLite), finds the claim and answers with this request's response.
            let claimID = UUID()
            let claimed = try await sql.raw(
                """
                INSERT INTO idempotency_keys (id, scope, "key", request_hash, response_body, created_at) \
                VALUES (\(bind: claimID), \(bind: scope), \(bind: key), \(bind: fingerprint), '', \(bind: now)) \
                ON CONFLICT (scope, "key") DO NOTHING RETURNING id
                """
            ).all()
            guard !claimed.isEmpty else {
                guard let existing = try await Self.find(scope: scope, key: key, on: db) else {
                    throw DomainError.conflict("A concurrent change conflicted with this request; retry it with the same Idempotency-Key.")
                }
                return try Self.replay(existing, fingerprint: fingerprint)
            }
            let response = try await body(db)
            let stored = String(decoding: try JSONEncoder.sortedCompact.encode(response), as: UTF8.self)
            try await sql.raw("UPDATE idempotency_keys SET response_body = \(bind: stored) WHERE id = \(bind: claimID)").run()
            return response
        }
    }

    /// Deletes keys (and their stored responses) created before `cutoff`; a replay after that is a
    /// new request. Returns how many.
    static func prune(before cutoff: Date, on db: any Database) async throws -> Int {
        try await db.sql().delete(from: IdempotencyRecord.schema).where("created_at", .lessThan, SQLBind(cutoff)).returning("id").all()
            .count
    }

    private static func find(scope: String, key: String, on db: any Database) async throws -> IdempotencyRecord? {
        try await IdempotencyRecord.query(on: db).filter(\.$scope == scope).filter(\.$key == key).first()
    }

    private static func replay<Response: Decodable>(_ record: IdempotencyRecord, fingerprint: String) throws -> Response {
        guard record.requestHash == fingerprint else {
            throw ValidationFailure(field: "Idempotency-Key", message: "was already used for a different request; use a new key")
        }
        return try JSONDecoder().decode(Response.self, from: Data(record.responseBody.utf8))
    }
}
