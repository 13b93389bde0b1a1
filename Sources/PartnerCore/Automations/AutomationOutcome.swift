/// How an automation's last run ended.
public enum AutomationOutcome: String, Codable, Sendable {
    case succeeded
    case failed
}
