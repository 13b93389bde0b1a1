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

    /// SQLite: checkpoints the WAL from a reader connection every 200 ms (`WALCheckpoint`: passive,
    /// restarting the log once it is long), so the committing writer no longer stops to copy pages
    /// and fsync the database file. Durability is the same. On PostgreSQL it does nothing.
    func useBackgroundCheckpoints() {
        guard partnerOS.writes.checkpointInBackground() else { return }
        let database = db
        let checkpoint = WALCheckpoint(writes: partnerOS.writes)
        lifecycle.use(
            BackgroundLoop(name: "WAL checkpoint", idle: .milliseconds(200)) {
                try await checkpoint.run(on: database)
                return false
            })
    }
}
