/// Where the rolling-origin backtest of one series cuts its history.
///
/// The test window is the requested horizon, shortened so that every training prefix keeps at
/// least `minimumTraining` periods; origins step back by half a window (overlapping windows, up to
/// `maximumOrigins`), latest first. Tashman, L. J. (2000). Out-of-sample tests of forecasting
/// accuracy: an analysis and review. *International Journal of Forecasting* 16(4), 437–450.
struct BacktestPlan: Sendable, Hashable {
    static let maximumOrigins = 4
    static let minimumTraining = 14

    /// Periods forecast from each origin (0 when the history is too short to test).
    let window: Int
    /// Distance between consecutive origins.
    let step: Int
    /// Number of origins (0 when the history is too short to test).
    let originCount: Int

    init(length n: Int, horizon: Int, seasonLength: Int) {
        let minimumTraining = max(Self.minimumTraining, 2 * max(1, seasonLength))
        let window = min(max(1, horizon), n - minimumTraining)
        guard window >= 1 else {
            self.window = 0
            self.step = 1
            self.originCount = 0
            return
        }
        let step = max(1, window / 2)
        // origin r = n - window - r * step must stay ≥ minimumTraining.
        let count = min(Self.maximumOrigins, (n - window - minimumTraining) / step + 1)
        self.window = window
        self.step = step
        self.originCount = count
    }

    /// The training length of origin `index` (0 = latest).
    func origin(_ index: Int, length n: Int) -> Int {
        n - window - index * step
    }
}
