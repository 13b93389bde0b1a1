import Vapor

extension Application {
    /// Sends events out while the application runs: numbering the outbox, fanning events out to
    /// webhook subscriptions and delivering them. `serve` and `worker` call this; tests drive the
    /// relay's passes themselves.
    func useEventRelay() {
        let relay = partnerOS.relay
        lifecycle.use(
            BackgroundLoop(name: "event relay", idle: .milliseconds(250)) {
                let pass = try await relay.runOnce()
                return pass.fannedOut > 0 || pass.attempted > 0
            })
    }
}
