import NIOConcurrencyHelpers
import Vapor

/// Repeats a unit of background work inside `serve` or `worker`: at once again while it finds work,
/// otherwise after `idle`. A failing pass is logged and retried; nothing here stops the process.
/// Started when the application boots; cancelled when it shuts down and awaited for at most
/// `shutdownGrace`, after which shutdown goes on (a pass that ignores cancellation is left behind).
final class BackgroundLoop: LifecycleHandler, Sendable {
    private let name: String
    private let idle: Duration
    private let shutdownGrace: Duration
    private let pass: @Sendable () async throws -> Bool
    private let task = NIOLockedValueBox<Task<Void, Never>?>(nil)

    /// `pass` returns whether it did any work.
    init(name: String, idle: Duration, shutdownGrace: Duration = .seconds(30), pass: @escaping @Sendable () async throws -> Bool) {
        self.name = name
        self.idle = idle
        self.shutdownGrace = shutdownGrace
        self.pass = pass
    }

    func didBootAsync(_ application: Application) async throws {
        let logger = application.logger
        let (name, idle, pass) = (name, idle, pass)
        task.withLockedValue { task in
            task = Task {
                var failures = 0
                while !Task.isCancelled {
                    do {
                        let busy = try await pass()
                        failures = 0
                        if !busy { try? await Task.sleep(for: idle) }
                    } catch {
                        failures += 1
                        logger.error("\(name) pass failed: \(String(describing: error))")
                        // Back off up to a minute while the database is away.
                        try? await Task.sleep(for: idle * min(120, 1 << min(failures, 7)))
                    }
                }
            }
        }
    }

    func shutdownAsync(_ application: Application) async {
        let running = task.withLockedValue { task in
            defer { task = nil }
            return task
        }
        guard let running else { return }
        running.cancel()
        if await !Self.wait(for: running, atMost: shutdownGrace) {
            application.logger.warning("\(name) was still running at shutdown")
        }
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
