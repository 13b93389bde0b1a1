import Fluent
import Foundation

/// An AI Stand Coach finding about a stand (refill forecast, risk, advice). The AI issue fills the
/// table; it exists now so its history starts with the stand.
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

    init() {}
}
