import Foundation
import PartnerCore

/// `run-automation`'s arguments, checked together: a known name and, when given, an ISO 8601
/// instant (`2026-12-01T02:00:00Z`, fractional seconds allowed).
struct AutomationArguments: Equatable, Sendable {
    let name: AutomationName
    let now: Date?

    struct Problems: Error, Equatable {
        let messages: [String]
    }

    static func parse(name: String, now: String?) -> Result<AutomationArguments, Problems> {
        var messages: [String] = []
        let parsedName = AutomationName(rawValue: name)
        if parsedName == nil { messages.append("Unknown automation '\(name)'. Names: \(AutomationName.list).") }
        var instant: Date?
        if let now {
            instant = Self.instant(now)
            if instant == nil { messages.append("--now must be an ISO 8601 instant such as 2026-12-01T02:00:00Z, not '\(now)'.") }
        }
        guard let parsedName, messages.isEmpty else { return .failure(Problems(messages: messages)) }
        return .success(AutomationArguments(name: parsedName, now: instant))
    }

    private static func instant(_ text: String) -> Date? {
        let plain = ISO8601DateFormatter()
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions.insert(.withFractionalSeconds)
        return plain.date(from: text) ?? fractional.date(from: text)
    }
}
