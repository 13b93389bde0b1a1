/// `auto` or one fixed method.
public enum ForecastMethodChoice: Sendable, Hashable {
    /// Choose per series by rolling-origin backtest (see `AutoSelector`).
    case auto
    case method(ForecastMethod)

    /// The command-line name: `auto` or a method's `cliName`.
    public var cliName: String {
        switch self {
        case .auto: "auto"
        case .method(let method): method.cliName
        }
    }

    public init?(cliName: String) {
        if cliName == "auto" {
            self = .auto
        } else if let method = ForecastMethod(cliName: cliName) {
            self = .method(method)
        } else {
            return nil
        }
    }

    /// Every accepted command-line name, `auto` first.
    public static let cliNames = ["auto"] + ForecastMethod.allCases.map(\.cliName)
}

/// What to forecast for every series of a batch.
public struct ForecastOptions: Sendable, Hashable {
    /// Periods to forecast (≥ 1).
    public var horizon: Int
    public var method: ForecastMethodChoice
    /// α values and the season length (7 for daily data with weekly seasonality).
    public var parameters: ForecastParameters
    /// Probability levels in (0, 1) of the cumulative-demand quantiles to compute, e.g. [0.9].
    public var quantiles: [Double]

    public init(
        horizon: Int = 28, method: ForecastMethodChoice = .auto, parameters: ForecastParameters = .init(),
        quantiles: [Double] = []
    ) {
        self.horizon = horizon
        self.method = method
        self.parameters = parameters
        self.quantiles = quantiles
    }
}

/// The forecast of one series.
public struct SeriesForecast: Sendable, Hashable {
    /// The method used (under `auto`, the one chosen).
    public let method: ForecastMethod
    /// Point forecasts for periods 1…horizon.
    public let forecast: [Double]
    /// For each requested level (in `ForecastOptions.quantiles` order), the quantiles of the
    /// cumulative demand over periods 1…k for k = 1…horizon: non-negative, non-decreasing in k and
    /// in the level.
    public let cumulativeQuantiles: [[Double]]
    public let profile: DemandProfile
}
