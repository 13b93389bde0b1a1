/// How urgent an alert is; Notification OS chooses its channel from it.
public enum AlertSeverity: String, CaseIterable, Codable, Sendable {
    case info
    case warning
    case critical
}
