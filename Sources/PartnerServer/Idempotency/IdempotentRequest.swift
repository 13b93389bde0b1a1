import Crypto
import Foundation
import PartnerCore

/// The one way an `Idempotency-Key` is bound to a request, whatever the entrance: the caller and
/// the operation form the key's scope, and everything that defines the request (path ids and body)
/// its fingerprint. The same key with another fingerprint is refused.
struct IdempotentRequest: Sendable, Equatable {
    let scope: String
    let key: String
    let fingerprint: String

    init(caller: UUID, operation: String, key rawKey: String, request: some Encodable) throws {
        key = try Self.validated(rawKey)
        scope = "\(caller.apiString) \(operation)"
        let data = try JSONEncoder.sortedCompact.encode(request)
        fingerprint = SHA256.hash(data: data).lowercaseHex
    }

    /// 8–200 visible ASCII characters, e.g. a UUID (the spec states the length; this the characters).
    static func validated(_ raw: String) throws(ValidationFailure) -> String {
        let key = raw.trimmingCharacters(in: .whitespaces)
        guard (8...200).contains(key.utf8.count), key.utf8.allSatisfy({ $0 > 32 && $0 < 127 }) else {
            throw ValidationFailure(field: "Idempotency-Key", message: "must be 8–200 visible ASCII characters, e.g. a UUID")
        }
        return key
    }
}
