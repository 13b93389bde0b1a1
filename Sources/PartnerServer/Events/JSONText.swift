/// Small, total operations on JSON text that the outbox writes and the relay sends as is.
enum JSONText {
    /// `text` as the inside of a JSON string literal (RFC 8259 §7).
    static func escaped(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Foundation's `JSONEncoder` writes a `UUID` in upper case; the API's ids are lower case. Every
    /// JSON string that is exactly a UUID (8-4-4-4-12 hex digits) is lower-cased; nothing else is
    /// touched.
    static func lowercasingUUIDs(_ json: String) -> String {
        var bytes = Array(json.utf8)
        guard bytes.count >= 38 else { return json }
        var changed = false
        var index = 0
        while index + 37 < bytes.count {
            if bytes[index] == UInt8(ascii: "\""), bytes[index + 37] == UInt8(ascii: "\""), isUUID(bytes[(index + 1)...(index + 36)]) {
                for position in (index + 1)...(index + 36) where (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(bytes[position]) {
                    bytes[position] += 32
                    changed = true
                }
                index += 38
            } else {
                index += 1
            }
        }
        return changed ? String(decoding: bytes, as: UTF8.self) : json
    }

    private static func isUUID(_ bytes: ArraySlice<UInt8>) -> Bool {
        for (offset, byte) in bytes.enumerated() {
            if [8, 13, 18, 23].contains(offset) {
                guard byte == UInt8(ascii: "-") else { return false }
            } else {
                let hex =
                    (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
                    || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(byte)
                guard hex else { return false }
            }
        }
        return true
    }
}
