import Foundation
import Logging
import NIOConcurrencyHelpers
import Vapor

/// The loop that runs due automations inside `serve` (and `partneros worker`): it wakes every
/// `interval`, runs what is due by the app's clock, and stops on shutdown — cancelled (automations
/// stop between items, so the one in flight finishes its current transaction and records itself as
/// interrupted) and waited for at most `shutdownGrace`, after which shutdown goes on regardless.
/// Nothing in it can stop the process: every failure is a run's outcome or a log line.
final class AutomationScheduler: LifecycleHandler, Sendable {
    let runner: AutomationRunner
    let interval: Duration
    let shutdownGrace: Duration
    private let loop = NIOLockedValueBox<Task<Void, Never>?>(nil)

    init(runner: AutomationRunner, interval: Duration = .seconds(5), shutdownGrace: Duration = .seconds(30)) {
        self.runner = runner
        self.interval = interval
        self.shutdownGrace = shutdownGrace
    }

    func didBootAsync(_ application: Application) async throws {
        let (runner, interval, logger) = (runner, interval, runner.logger)
        loop.withLockedValue { task in
            guard task == nil else { return }
            task = Task {
                logger.info("automations: the scheduler is running (every \(interval))")
                while !Task.isCancelled {
                    _ = await runner.runDue()
                    try? await Task.sleep(for: interval)
                }
            }
        }
    }

    func shutdownAsync(_ application: Application) async {
        guard
            let task = loop.withLockedValue({ task in
                defer { task = nil }
                return task
            })
        else { return }
        task.cancel()
        let finished = await Self.wait(for: task, atMost: shutdownGrace)
        if !finished { application.logger.warning("automations: a run was still going at shutdown; its lease will expire") }
    }

    /// Whether `task` ended within `limit`.
    private static func wait(for task: Task<Void, Never>, atMost limit: Duration) async -> Bool {
        let outcome = NIOLockedValueBox<CheckedContinuation<Bool, Never>?>(nil)
        return await withCheckedContinuation { continuation in
            outcome.withLockedValue { $0 = continuation }
            let resume: @Sendable (Bool) -> Void = { value in
                outcome.withLockedValue { pending in
                    pending?.resume(returning: value)
                    pending = nil
                }
            }
            Task {
                await task.value
                resume(true)
            }
            Task {
                try? await Task.sleep(for: limit)
                resume(false)
            }
        }
    }
}

extension Application {
    /// Runs the scheduled automations in this process while it is up. One call, from `serve` or
    /// `partneros worker` — never from tests, which call `partnerOS.automations.run` with a `now`.
    func useAutomations(interval: Duration = .seconds(5)) {
        lifecycle.use(AutomationScheduler(runner: partnerOS.automations, interval: interval))
    }
}
