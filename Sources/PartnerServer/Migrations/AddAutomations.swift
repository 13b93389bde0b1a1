import Fluent
import SQLKit

/// Scheduled automations: one row per automation (its next run, the lease an instance holds while
/// it runs, the last run's outcome), the once-only marks that make each announcement happen once,
/// partner alerts' link and read time, and HQ alerts (network-wide, for HQ's own inbox).
struct AddAutomations: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(AutomationRecord.schema)
            .field("name", .string, .identifier(auto: false))
            .field("next_run_at", .datetime, .required)
            .field("lease_until", .datetime)
            .field("lease_owner", .uuid)
            .field("last_started_at", .datetime)
            .field("last_finished_at", .datetime)
            .field("last_outcome", .string)
            .field("last_summary", .string)
            .create()

        try await database.schema(AutomationMarkRecord.schema)
            .id()
            .field("automation", .string, .required)
            .field("subject_id", .uuid, .required)
            .field("key", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "automation", "subject_id", "key", name: "automation_marks_subject_key")
            .create()

        // SQLite adds one column per ALTER TABLE.
        try await database.schema(PartnerAlertRecord.schema).field("link", .string).update()
        try await database.schema(PartnerAlertRecord.schema).field("read_at", .datetime).update()

        try await database.schema(HQAlertRecord.schema)
            .id()
            .field("partner_id", .uuid)
            .field("kind", .string, .required)
            .field("severity", .string, .required)
            .field("title", .string, .required)
            .field("message", .string, .required)
            .field("link", .string)
            .field("subject_type", .string)
            .field("subject_id", .uuid)
            .field("read_at", .datetime)
            .field("created_at", .datetime, .required)
            .field("created_at_ms", .int64, .required)
            .create()
        try await database.sql().create(index: "hq_alerts_time_idx").on(HQAlertRecord.schema).column("created_at_ms").column("id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(HQAlertRecord.schema).delete()
        try await database.schema(PartnerAlertRecord.schema).deleteField("read_at").update()
        try await database.schema(PartnerAlertRecord.schema).deleteField("link").update()
        try await database.schema(AutomationMarkRecord.schema).delete()
        try await database.schema(AutomationRecord.schema).delete()
    }
}
