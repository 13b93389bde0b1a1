import Logging

/// One pass of the automations loop in `serve` and `partneros worker`: runs what is due by the
/// app's clock.
///
/// With a `child` (`serve` on a database another process can open), what is due runs in that child
/// process and this one only reads the schedule; if the child cannot be started or ends without
/// recording its runs, they run here instead, so nothing due is skipped.
struct AutomationScheduler: Sendable {
    let runner: AutomationRunner
    let child: AutomationProcess?
    let logger: Logger

    /// Always false: a pass runs everything that was due, so the loop then waits its interval.
    func pass() async throws -> Bool {
        if let child {
            guard try await !runner.due().isEmpty else { return false }
            if await ranInChild(child) || Task.isCancelled { return false }
        }
        if await !runner.runDue().isEmpty { ProcessMemory.returnFreedPages() }
        return false
    }

    /// Whether `child` ran and recorded the due automations.
    private func ranInChild(_ child: AutomationProcess) async -> Bool {
        let command = ([child.executable.path] + child.arguments).joined(separator: " ")
        do {
            let status = try await child.run()
            if AutomationProcess.recordedStatuses.contains(status) { return true }
            logger.error("automations: `\(command)` ended with status \(status); running them in this process")
        } catch {
            logger.error("automations: could not start `\(command)`: \(error); running them in this process")
        }
        return false
    }
}
