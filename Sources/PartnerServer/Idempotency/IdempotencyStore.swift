import Crypto
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

    /// Checks the header the spec requires on creating POSTs.
    static func validatedKey(_ raw: String) throws(DomainError) -> String {
        let key = raw.trimmingCharacters(in: .whitespaces)
        guard (8...200).contains(key.utf8.count), key.utf8.allSatisfy({ $0 > 32 && $0 < 127 }) else {
            throw .malformed("The Idempotency-Key header must be 8–200 visible ASCII characters, e.g. a UUID.")
        }
        return key
    }

    static func fingerprint(of request: some Encodable) throws -> String {
        let data = try JSONEncoder.sortedCompact.encode(request)
        return SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }

    func perform<Response: Codable & Sendable>(
        scope: String, key: String, fingerprint: String,
        _ body: @escaping @Sendable (any Database) async throws -> Response
    ) async throws -> Response {
        do {
            return try await writes.transaction(on: database) { db in
                if let existing = try await Self.find(scope: scope, key: key, on: db) {
                    return try Self.replay(existing, fingerprint: fingerprint)
                }
                // Claim the key first: a concurrent duplicate blocks here until this transaction ends.
                let record = IdempotencyRecord(scope: scope, key: key, requestHash: fingerprint, responseBody: "", createdAt: Date())
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
