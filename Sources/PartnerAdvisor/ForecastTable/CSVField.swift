/// One field of a CSV line: its content bytes (inside the quotes when quoted) and where the next
/// field starts.
struct CSVField: Sendable, Hashable {
    let start: Int
    let end: Int
    /// Whether the content contains `""` escapes to unfold.
    let hasEscapedQuotes: Bool
    /// Index after the separating comma (past the line's end for the last field).
    let next: Int

    private static let quote = UInt8(ascii: "\"")
    private static let comma = UInt8(ascii: ",")

    /// Scans the field at `position`; nil when a quote is not closed before `end`.
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>, from position: Int, end: Int) -> CSVField? {
        var i = position
        while i < end && (bytes[i] == 0x20 || bytes[i] == 0x09) { i += 1 }
        if i < end && bytes[i] == quote {
            let contentStart = i + 1
            var j = contentStart
            var escaped = false
            while true {
                guard j < end else { return nil }
                if bytes[j] == quote {
                    if j + 1 < end && bytes[j + 1] == quote {
                        escaped = true
                        j += 2
                        continue
                    }
                    break
                }
                j += 1
            }
            var k = j + 1
            while k < end && bytes[k] != comma { k += 1 }
            return CSVField(start: contentStart, end: j, hasEscapedQuotes: escaped, next: k + 1)
        }
        var k = position
        while k < end && bytes[k] != comma { k += 1 }
        return CSVField(start: position, end: k, hasEscapedQuotes: false, next: k + 1)
    }

    /// The field's text with `""` unfolded (surrounding spaces kept for unquoted fields).
    func text(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        let raw = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        return hasEscapedQuotes ? raw.unfoldingDoubledQuotes() : raw
    }

    /// The content range without surrounding spaces and tabs.
    func trimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> Slice {
        var a = start
        var b = end
        while a < b && (bytes[a] == 0x20 || bytes[a] == 0x09) { a += 1 }
        while b > a && (bytes[b - 1] == 0x20 || bytes[b - 1] == 0x09) { b -= 1 }
        return Slice(start: a, end: b)
    }
}

extension String {
    /// `""` → `"` inside a quoted CSV field.
    func unfoldingDoubledQuotes() -> String {
        var result = ""
        var previousWasQuote = false
        for character in self {
            if character == "\"" && previousWasQuote {
                previousWasQuote = false
                continue
            }
            previousWasQuote = character == "\""
            result.append(character)
        }
        return result
    }
}
