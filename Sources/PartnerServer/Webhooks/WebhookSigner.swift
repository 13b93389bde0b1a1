import Crypto
import Foundation

/// Signs webhook requests per the Standard Webhooks specification: the signed content is
/// `"{webhook-id}.{webhook-timestamp}.{body}"`, the MAC HMAC-SHA256 under the secret's bytes (the
/// base64 after `whsec_`), and `webhook-signature` lists `v1,<base64 MAC>` once per secret,
/// space-separated, so receivers accept either secret during a rotation.
enum WebhookSigner {
    static let secretPrefix = "whsec_"

    /// A new secret: 32 random bytes (the specification asks for 24 to 64).
    static func newSecret() -> String {
        let key = SymmetricKey(size: .bits256)
        return secretPrefix + key.withUnsafeBytes { Data($0).base64EncodedString() }
    }

    /// `v1,<signature>` for one secret, or nil when the secret is not a `whsec_` base64 key.
    static func signature(secret: String, id: String, timestamp: Int64, body: String) -> String? {
        guard secret.hasPrefix(secretPrefix), let key = Data(base64Encoded: String(secret.dropFirst(secretPrefix.count))),
            !key.isEmpty
        else { return nil }
        let content = Data("\(id).\(timestamp).\(body)".utf8)
        let mac = HMAC<SHA256>.authenticationCode(for: content, using: SymmetricKey(data: key))
        return "v1," + Data(mac).base64EncodedString()
    }

    /// The three headers of one request, signed with every secret given (current first).
    static func headers(id: String, timestamp: Int64, body: String, secrets: [String]) -> [(String, String)] {
        let signatures = secrets.compactMap { signature(secret: $0, id: id, timestamp: timestamp, body: body) }
        return [
            ("webhook-id", id), ("webhook-timestamp", String(timestamp)),
            ("webhook-signature", signatures.joined(separator: " ")),
        ]
    }
}
