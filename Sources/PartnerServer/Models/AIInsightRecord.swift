import Fluent
import Foundation

/// A network-wide AI finding (the seed's `AIInsight`), such as a location-expansion score for a
/// candidate site: not one partner's, so only HQ reads it.
final class AIInsightRecord: Model, @unchecked Sendable {
    static let schema = "ai_insights"

    @ID(key: .id) var id: UUID?
    @Field(key: "kind") var kind: String
    /// What the insight is about (a candidate site's name).
    @Field(key: "subject") var subject: String
    @OptionalField(key: "region") var region: String?
    @Field(key: "score") var score: Int
    @Field(key: "level") var level: String
    @Field(key: "title") var title: String
    @Field(key: "summary") var summary: String
    /// The whole insight and the kind's detail as JSON.
    @Field(key: "payload") var payload: String
    @Field(key: "model_version") var modelVersion: String
    @OptionalField(key: "window_from") var windowFrom: Date?
    @OptionalField(key: "window_through") var windowThrough: Date?
    @OptionalField(key: "created_by") var createdBy: UUID?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "created_at_ms") var createdAtMillis: Int64

    init() {}
}
