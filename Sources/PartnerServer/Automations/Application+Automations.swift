import Vapor

extension Application {
    /// Runs the scheduled automations while this process is up: a background loop that wakes every
    /// `interval` for an `AutomationScheduler` pass — in `child` when given (`serve`). One call, from
    /// `serve` and `partneros worker` — never from tests, which call `partnerOS.automations.run` with
    /// a `now`. On shutdown the automation in flight stops after its current item (a child is sent
    /// SIGTERM); it is recorded as interrupted and due again at the next start.
    func useAutomations(interval: Duration = .seconds(5), child: AutomationProcess? = nil) {
        let scheduler = AutomationScheduler(runner: partnerOS.automations, child: child, logger: logger)
        lifecycle.use(BackgroundLoop(name: "automations", idle: interval, pass: scheduler.pass))
    }
}
