/// A normalized (trimmed, lower-cased) email address.
///
/// The check is deliberately pragmatic rather than full RFC 5321: one `@`, a non-empty local part,
/// a dotted domain, no whitespace, at most 254 characters. Deliverability is the mail system's job.
public struct EmailAddress: Hashable, Sendable, CustomStringConvertible {
    public let value: String

    public init?(_ raw: String) {
        let candidate = raw.trimmed.lowercased()
        guard candidate.count <= 254, !candidate.contains(where: \.isWhitespace) else { return nil }
        let parts = candidate.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[0].count <= 64 else { return nil }
        let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, labels.allSatisfy({ !$0.isEmpty && !$0.hasPrefix("-") && !$0.hasSuffix("-") }),
            let topLevel = labels.last, topLevel.count >= 2, topLevel.allSatisfy(\.isLetter)
        else { return nil }
        value = candidate
    }

    public var description: String { value }
}
