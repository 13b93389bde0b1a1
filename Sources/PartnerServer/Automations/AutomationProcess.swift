import Foundation
import NIOConcurrencyHelpers

/// `partneros run-automation --due` as a child of `serve`: the due automations run in a process of
/// their own, so what a network-wide run touches (the forecasting code's pages, the batch's heap)
/// is returned to the system when it exits instead of staying resident in the server (10,000
/// partners: idle 57–60 MB after the start-up runs, 68–74 MB with them in-process). The child takes
/// the same leases the in-process loop takes and records its runs in the database, where
/// `GET /api/v1/automations` reads them.
///
/// The database URL goes to the child in its environment (`DATABASE_URL`), not on its command line,
/// so a PostgreSQL password is not shown to every user of `ps`.
struct AutomationProcess: Sendable {
    let executable: URL
    let arguments: [String]
    let environment: [String: String]

    /// Exit statuses after which the runs are recorded: 0 all succeeded, 1 some failed (each failure
    /// is recorded and raised to HQ by the child). Anything else (a crash, a signal, a bad argument)
    /// means the due automations may not have run.
    static let recordedStatuses: Set<Int32> = [0, 1]

    init(executable: URL, arguments: [String], environment: [String: String]) {
        self.executable = executable
        self.arguments = arguments
        self.environment = environment
    }

    /// The child for `configuration`'s database, or nil when another process cannot open it (an
    /// in-memory SQLite database) — then the automations run in the server itself.
    init?(
        executable: URL?, configuration: AppConfiguration, inheriting environment: [String: String] = ProcessInfo.processInfo.environment
    ) {
        guard let executable, let url = configuration.database.url else { return nil }
        var childEnvironment = environment
        childEnvironment["DATABASE_URL"] = url
        childEnvironment["PARTNEROS_DATA_DIR"] = configuration.dataDirectory
        childEnvironment["LOG_LEVEL"] = configuration.logLevel.rawValue
        self.init(executable: executable, arguments: ["run-automation", "--due"], environment: childEnvironment)
    }

    /// Starts the child and waits for it to exit; returns its status (a signal's number when a signal
    /// ended it). Cancelling the waiting task sends the child SIGTERM — it then records the run in
    /// flight as interrupted — and still waits for it, so no run is left behind unrecorded.
    func run() async throws -> Int32 {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = environment
        let state = NIOLockedValueBox(ChildState())
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Int32, any Error>) in
                process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
                do {
                    try process.run()
                } catch {
                    continuation.resume(throwing: error)
                    return
                }
                let cancelledBeforeStart = state.withLockedValue { state in
                    state.started = true
                    return state.cancelled
                }
                if cancelledBeforeStart { process.terminate() }
            }
        } onCancel: {
            let started = state.withLockedValue { state in
                state.cancelled = true
                return state.started
            }
            if started { process.terminate() }
        }
    }

    /// Whether the child was started and whether the waiting task was cancelled, so SIGTERM is sent
    /// exactly when both are true whichever happened first.
    private struct ChildState {
        var started = false
        var cancelled = false
    }
}
