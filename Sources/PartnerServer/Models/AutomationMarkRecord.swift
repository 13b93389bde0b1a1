import Fluent
import Foundation

/// Something an automation announced once (a contract's renewal for one term, a document's expiry,
/// a tier suggestion for one month): the unique key is what makes a second run do nothing.
final class AutomationMarkRecord: Model, @unchecked Sendable {
    static let schema = "automation_marks"

    @ID(key: .id) var id: UUID?
    @Field(key: "automation") var automation: String
    @Field(key: "subject_id") var subjectID: UUID
    @Field(key: "key") var key: String
    @Field(key: "created_at") var createdAt: Date

    init() {}
}
