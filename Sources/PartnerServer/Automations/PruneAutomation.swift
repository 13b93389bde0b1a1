import Fluent
import Foundation
import PartnerCore

/// `prune`: deletes idempotency keys and outbox events past their retention
/// (`AppConfiguration.retention`: 7 and 30 days). Deleting what is already gone does nothing.
struct PruneAutomation: Automation {
    let name = AutomationName.prune
    let cadence = AutomationCadence.daily(hour: 4, minute: 0)
    let database: any Database
    let writes: WriteSerializer
    let retention: AppConfiguration.Retention

    func run(at now: Date) async throws -> String {
        let (keys, events) = try await writes.transaction(on: database) { db in
            let keys = try await IdempotencyStore.prune(before: now.addingTimeInterval(-retention.idempotencyKeys), on: db)
            let events = try await OutboxRetention.prune(before: now.addingTimeInterval(-retention.events), on: db)
            return (keys, events)
        }
        return "\(keys) idempotency keys and \(events) events deleted"
    }
}
