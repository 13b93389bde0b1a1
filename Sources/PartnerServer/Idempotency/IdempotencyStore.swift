import Fluent
import Foundation
import PartnerCore

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
        do {
            return try await writes.transaction(on: database) { db in
                if let existing = try await Self.find(scope: scope, key: key, on: db) {
                    return try Self.replay(existing, fingerprint: fingerprint)
                }
                // Claim the key first: a concurrent duplicate blocks here until this transaction ends.
                let record = IdempotencyRecord(scope: scope, key: key, requestHash: fingerprint, responseBody: "", createdAt: now)
                try await record.create(on: db)
                let response = try await body(db)
                record.responseBody = String(decoding: try JSONEncoder.sortedCompact.encode(response), as: UTF8.self)
                try await record.update(on: db)
                return response
            }
        } catch  where error.isConstraintViolation {
            // No stored response means the violation was not on the key: another write raced this one.
            guard let winner = try await Self.find(scope: scope, key: key, on: database) else {
                throw DomainError.conflict("A concurrent change conflicted with this request; retry it with the same Idempotency-Key.")
            }
            return try Self.replay(winner, fingerprint: fingerprint)
        }
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
