import Foundation

extension JSONEncoder {
    /// Compact JSON with sorted keys: stable bytes for fingerprints, stored payloads and problems.
    static var sortedCompact: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
