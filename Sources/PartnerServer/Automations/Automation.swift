import Foundation
import PartnerCore

/// One scheduled job. `run(at:)` does the work that is due at `now` through the application's
/// services and returns a one-line summary; running it twice at the same `now` does nothing the
/// second time (each automation keeps its own once-only rule).
protocol Automation: Sendable {
    var name: AutomationName { get }
    var cadence: AutomationCadence { get }
    /// How long an instance may hold the run before another assumes it died and takes over.
    var lease: TimeInterval { get }
    func run(at now: Date) async throws -> String
}

extension Automation {
    var lease: TimeInterval { 30 * 60 }
}

/// What one call of the runner did.
struct AutomationRun: Equatable, Sendable {
    enum Result: Equatable, Sendable {
        case succeeded(String)
        case failed(String)
        /// Another run holds the lease, or (scheduled runs) it was not due.
        case skipped(String)
    }

    let name: AutomationName
    let startedAt: Date
    let result: Result

    var ran: Bool {
        if case .skipped = result { return false }
        return true
    }
}

/// An automation as `GET /api/v1/automations` shows it.
struct AutomationStatus: Equatable, Sendable {
    let name: AutomationName
    let cadence: AutomationCadence
    let lastStartedAt: Date?
    let lastFinishedAt: Date?
    let lastOutcome: AutomationOutcome?
    let lastSummary: String?
    let nextRunAt: Date
    let running: Bool
}
