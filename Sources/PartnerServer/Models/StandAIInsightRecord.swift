import Fluent
import Foundation

/// An AI Stand Coach finding about a stand (refill forecast, display health): the insight's score,
/// level and window as columns for lists, the whole insight (factors, recommendations, storyboard)
/// and the kind's detail as JSON in `payload`.
final class StandAIInsightRecord: Model, @unchecked Sendable {
    static let schema = "stand_ai_insights"

    @ID(key: .id) var id: UUID?
    @Parent(key: "stand_id") var stand: StandPartnerRecord
    @OptionalParent(key: "location_id") var location: StandLocationRecord?
    @Field(key: "kind") var kind: String
    @Field(key: "title") var title: String
    @Field(key: "summary") var summary: String
    /// The structured finding as JSON.
    @Field(key: "payload") var payload: String
    @OptionalField(key: "score") var score: Double?
    @Field(key: "model_version") var modelVersion: String
    @Field(key: "created_at") var createdAt: Date
    // Added by AddStandCoach.
    @Field(key: "level") var level: String
    @OptionalField(key: "window_from") var windowFrom: Date?
    @OptionalField(key: "window_through") var windowThrough: Date?
    @Field(key: "created_at_ms") var createdAtMillis: Int64

    init() {}
}
