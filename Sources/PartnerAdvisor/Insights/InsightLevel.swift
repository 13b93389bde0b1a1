/// What an insight's score asks of its reader.
public enum InsightLevel: String, Sendable, Hashable, Codable, CaseIterable {
    /// 70–100: keep going.
    case good
    /// 40–69: look at it.
    case watch
    /// 0–39: act now.
    case act

    public static let goodFrom = 70
    public static let watchFrom = 40

    public init(score: Int) {
        self = score >= Self.goodFrom ? .good : score >= Self.watchFrom ? .watch : .act
    }

    /// The band in words, for storyboards.
    public var band: String {
        switch self {
        case .good: "good, 70–100"
        case .watch: "watch, 40–69"
        case .act: "act, below 40"
        }
    }
}
