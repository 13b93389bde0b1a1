import Vapor

extension Application {
    /// Runs the scheduled automations in this process while it is up: a background loop that wakes
    /// every `interval` and runs what is due by the app's clock. One call, from `serve` and
    /// `partneros worker` — never from tests, which call `partnerOS.automations.run` with a `now`.
    /// On shutdown the automation in flight stops after its current item (it is recorded as
    /// interrupted and due again at the next start).
    func useAutomations(interval: Duration = .seconds(5)) {
        let runner = partnerOS.automations
        lifecycle.use(
            BackgroundLoop(name: "automations", idle: interval) {
                if await !runner.runDue().isEmpty { ProcessMemory.returnFreedPages() }
                return false
            })
    }
}
