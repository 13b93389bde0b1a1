/// A problem with how the service was started; printed to the operator, never a crash.
public enum ConfigurationError: Error, Equatable, CustomStringConvertible {
    case invalidDatabaseURL(String, reason: String)
    case invalidValue(name: String, value: String, reason: String)

    public var description: String {
        switch self {
        case .invalidDatabaseURL(let url, let reason):
            "Invalid database URL '\(DatabaseLocationRedaction.redact(url))': \(reason)."
        case .invalidValue(let name, let value, let reason):
            "Invalid \(name) '\(value)': \(reason)."
        }
    }
}

enum DatabaseLocationRedaction {
    /// Hides a password in a URL that may not even parse.
    static func redact(_ url: String) -> String {
        guard let schemeEnd = url.range(of: "://"), let at = url.range(of: "@", range: schemeEnd.upperBound..<url.endIndex),
            let colon = url.range(of: ":", range: schemeEnd.upperBound..<at.lowerBound)
        else { return url }
        return url.replacingCharacters(in: colon.upperBound..<at.lowerBound, with: "***")
    }
}
