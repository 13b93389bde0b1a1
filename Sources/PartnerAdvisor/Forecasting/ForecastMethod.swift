/// The forecasting methods of the stand coach, named as on the command line.
///
/// Every method except `seasonalNaive` forecasts the same value for every future period.
public enum ForecastMethod: String, Sendable, Hashable, CaseIterable, Codable {
    /// Simple exponential smoothing with a fixed α (Hyndman & Athanasopoulos, FPP3 §8.1).
    case ses
    /// SES with α chosen by golden section on (0.01, 0.99) for the in-sample squared error.
    case sesOptimized = "ses-opt"
    /// Croston (1972), α = 0.1 for sizes and intervals.
    case croston
    /// Syntetos–Boylan approximation (2005): Croston × 0.95.
    case sba
    /// Croston with both α chosen on (0.1, 0.3).
    case crostonOptimized = "croston-opt"
    /// Teunter, Syntetos & Babai (2011), with α for the demand size and the demand probability.
    case tsb
    /// Nikolopoulos et al. (2011) aggregate–disaggregate.
    case adida
    /// Multiple temporal aggregation over ADIDA levels 1…mean interval.
    case imapa
    /// The last observation.
    case naive
    /// The observation one season earlier.
    case seasonalNaive = "seasonal-naive"

    /// The name on the command line and in the output's `method` column.
    public var cliName: String { rawValue }

    /// Parses a command-line name (`auto` is not a method; see `ForecastMethodChoice`).
    public init?(cliName: String) {
        self.init(rawValue: cliName)
    }

    /// Whether the method searches for its smoothing constant (statsforecast's optimised methods).
    public var isOptimized: Bool {
        switch self {
        case .sesOptimized, .crostonOptimized, .adida, .imapa: true
        default: false
        }
    }
}

/// The fixed parameters of the methods that take them.
public struct ForecastParameters: Sendable, Hashable, Codable {
    /// α of `ses` (`--alpha`).
    public var alpha: Double
    /// α of TSB's demand size (`--alpha-d`).
    public var alphaD: Double
    /// α of TSB's demand probability (`--alpha-p`).
    public var alphaP: Double
    /// The season length of `seasonalNaive` (7 for weekly seasonality on daily data; 1 = none).
    public var seasonLength: Int

    public init(alpha: Double = 0.1, alphaD: Double = 0.1, alphaP: Double = 0.1, seasonLength: Int = 1) {
        self.alpha = alpha
        self.alphaD = alphaD
        self.alphaP = alphaP
        self.seasonLength = seasonLength
    }
}
