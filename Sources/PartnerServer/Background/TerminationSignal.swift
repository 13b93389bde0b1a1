import Dispatch

#if canImport(Glibc)
    import Glibc
#endif

/// SIGINT and SIGTERM, the way an operator or a process supervisor stops a command.
enum TerminationSignal {
    /// Waits for the first of them (the worker).
    static func wait() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let queue = DispatchQueue(label: "partneros.signals")
            let once = Once(continuation)
            queue.async {
                for number in [SIGINT, SIGTERM] {
                    signal(number, SIG_IGN)
                    let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
                    source.setEventHandler { once.resume() }
                    source.resume()
                    once.keep(source)
                }
            }
        }
    }

    /// Runs `operation` in a task that SIGINT or SIGTERM cancels instead of ending the process, so a
    /// command stopped by an operator or by `serve` shutting down finishes the way a cancelled loop
    /// does: the automation in flight is recorded as interrupted, not left leased.
    static func cancelling<T: Sendable>(_ operation: @escaping @Sendable () async throws -> T) async throws -> T {
        let task = Task { try await operation() }
        let queue = DispatchQueue(label: "partneros.signals")
        let sources = [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { task.cancel() }
            source.resume()
            return source
        }
        defer {
            for (number, source) in zip([SIGINT, SIGTERM], sources) {
                source.cancel()
                signal(number, SIG_DFL)
            }
        }
        return try await task.value
    }

    /// Resumes the continuation on the first signal only; keeps the sources alive until then. Used on
    /// the signal queue only, so it needs no lock.
    private final class Once: @unchecked Sendable {
        private var continuation: CheckedContinuation<Void, Never>?
        private var sources: [any DispatchSourceSignal] = []

        init(_ continuation: CheckedContinuation<Void, Never>) {
            self.continuation = continuation
        }

        func resume() {
            continuation?.resume()
            continuation = nil
            sources.forEach { $0.cancel() }
        }

        func keep(_ source: any DispatchSourceSignal) {
            sources.append(source)
        }
    }
}
