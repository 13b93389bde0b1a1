import Dispatch

#if canImport(Glibc)
    import Glibc
#endif

/// Waits for SIGINT or SIGTERM, the way an operator or a process supervisor stops the worker.
enum TerminationSignal {
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
