import Foundation
import PartnerCore

/// `run-automation`'s arguments, checked together: a known name or `--due` (not both), and, when
/// given, an ISO 8601 instant (`2026-12-01T02:00:00Z`, fractional seconds allowed).
struct AutomationArguments: Equatable, Sendable {
    enum Selection: Equatable, Sendable {
        case one(AutomationName)
        /// Every automation that is due, as the scheduler would run them.
        case due
    }

    let selection: Selection
    let now: Date?

    struct Problems: Error, Equatable {
        let messages: [String]
    }

    static func parse(name: String?, due: Bool = false, now: String?) -> Result<AutomationArguments, Problems> {
        var messages: [String] = []
        var selection: Selection?
        switch (name, due) {
        case (nil, false): messages.append("Name an automation or pass --due. Names: \(AutomationName.list).")
        case (.some, true): messages.append("Name an automation or pass --due, not both.")
        case (nil, true): selection = .due
        case (.some(let name), false):
            if let parsed = AutomationName(rawValue: name) {
                selection = .one(parsed)
            } else {
                messages.append("Unknown automation '\(name)'. Names: \(AutomationName.list).")
            }
        }
        var instant: Date?
        if let now {
            instant = Self.instant(now)
            if instant == nil { messages.append("--now must be an ISO 8601 instant such as 2026-12-01T02:00:00Z, not '\(now)'.") }
        }
        guard let selection, messages.isEmpty else { return .failure(Problems(messages: messages)) }
        return .success(AutomationArguments(selection: selection, now: instant))
    }

    private static func instant(_ text: String) -> Date? {
        let plain = ISO8601DateFormatter()
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions.insert(.withFractionalSeconds)
        return plain.date(from: text) ?? fractional.date(from: text)
    }
}
