import Fluent
import Foundation

/// One scheduled automation: when it runs next, who holds it now (a lease, so two instances never
/// run it at once) and how its last run ended.
final class AutomationRecord: Model, @unchecked Sendable {
    static let schema = "automations"

    @ID(custom: "name", generatedBy: .user) var id: String?
    @Field(key: "next_run_at") var nextRunAt: Date
    @OptionalField(key: "lease_until") var leaseUntil: Date?
    @OptionalField(key: "lease_owner") var leaseOwner: UUID?
    @OptionalField(key: "last_started_at") var lastStartedAt: Date?
    @OptionalField(key: "last_finished_at") var lastFinishedAt: Date?
    @OptionalField(key: "last_outcome") var lastOutcome: String?
    @OptionalField(key: "last_summary") var lastSummary: String?

    init() {}
}
