import Foundation

/// One factor of an insight's score: what was measured, and the points it earned.
public struct InsightFactor: Sendable, Hashable, Codable {
    public let key: String
    public let label: String
    /// The measurement in the unit its label names (%, days, units, km, …).
    public let value: Double
    /// Whole points of the score; an insight's contributions add up to its score.
    public let contribution: Int

    public init(key: String, label: String, value: Double, contribution: Int) {
        self.key = key
        self.label = label
        self.value = value
        self.contribution = contribution
    }
}

/// Something to do about an insight.
public struct InsightRecommendation: Sendable, Hashable, Codable {
    public enum Priority: String, Sendable, Hashable, Codable, Comparable {
        case high
        case medium
        case low

        private var rank: Int {
            switch self {
            case .high: 0
            case .medium: 1
            case .low: 2
            }
        }

        public static func < (lhs: Priority, rhs: Priority) -> Bool { lhs.rank < rhs.rank }
    }

    /// A stable key in lower snake case (`refill_now`, `swap_sku`, …).
    public let action: String
    public let priority: Priority
    public let rationale: String

    public init(action: String, priority: Priority, rationale: String) {
        self.action = action
        self.priority = priority
        self.rationale = rationale
    }
}

/// The four sentences a person reads first.
public struct Storyboard: Sendable, Hashable, Codable {
    public let headline: String
    public let whatHappened: String
    public let why: String
    public let whatNext: String

    public init(headline: String, whatHappened: String, why: String, whatNext: String) {
        self.headline = headline
        self.whatHappened = whatHappened
        self.why = why
        self.whatNext = whatNext
    }
}

/// An explainable finding of the AI Stand Coach or Partner Advisor: a 0–100 score made of factors
/// that add up to it, its level, what to do, and the story in four sentences, with the model version
/// and the data window it was computed from. The same shape serves stands, partners and the network.
public struct Insight: Sendable, Hashable, Codable {
    public struct Window: Sendable, Hashable, Codable {
        public let from: Date
        public let through: Date

        public init(from: Date, through: Date) {
            self.from = from
            self.through = through
        }
    }

    /// `refill_forecast`, `performance`, `location_expansion`, …
    public let kind: String
    public let score: Int
    public let level: InsightLevel
    public let factors: [InsightFactor]
    public let recommendations: [InsightRecommendation]
    public let storyboard: Storyboard
    public let modelVersion: String
    public let window: Window
    public let generatedAt: Date

    public init(
        kind: String, scorecard: Scorecard, recommendations: [InsightRecommendation], storyboard: Storyboard, window: Window,
        generatedAt: Date, modelVersion: String = PartnerAdvisor.modelVersion
    ) {
        self.kind = kind
        score = scorecard.score
        level = scorecard.level
        factors = scorecard.factors
        self.recommendations = recommendations.sorted { $0.priority < $1.priority }
        self.storyboard = storyboard
        self.modelVersion = modelVersion
        self.window = window
        self.generatedAt = generatedAt
    }
}
