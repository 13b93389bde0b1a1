import Fluent
import Foundation

/// An AI Partner Advisor finding about one partner (the seed's `PartnerAIInsight`): health,
/// expansion readiness or compliance. Score, level and window are columns for lists and the
/// dashboard; the whole insight (factors, recommendations, storyboard) is JSON in `payload`.
final class PartnerAIInsightRecord: Model, @unchecked Sendable {
    static let schema = "partner_ai_insights"

    @ID(key: .id) var id: UUID?
    @Parent(key: "partner_id") var partner: PartnerRecord
    @Field(key: "kind") var kind: String
    @Field(key: "score") var score: Int
    @Field(key: "level") var level: String
    @Field(key: "title") var title: String
    @Field(key: "summary") var summary: String
    @Field(key: "payload") var payload: String
    @Field(key: "model_version") var modelVersion: String
    @OptionalField(key: "window_from") var windowFrom: Date?
    @OptionalField(key: "window_through") var windowThrough: Date?
    @OptionalField(key: "created_by") var createdBy: UUID?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "created_at_ms") var createdAtMillis: Int64

    init() {}
}
