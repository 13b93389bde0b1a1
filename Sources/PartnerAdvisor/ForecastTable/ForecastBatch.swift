/// The options of `partneros forecast`.
public struct ForecastTableOptions: Sendable, Hashable {
    /// `--method auto|ses|ses-opt|croston|sba|croston-opt|tsb|adida|imapa|naive|seasonal-naive`.
    public var method: ForecastMethodChoice
    /// `--horizon`: periods to forecast after the file's last `t` (1…10,000).
    public var horizon: Int
    /// `--alpha` (fixed SES), in (0, 1].
    public var alpha: Double
    /// `--alpha-d` and `--alpha-p` (TSB), in (0, 1].
    public var alphaD: Double
    public var alphaP: Double
    /// `--season-length`; nil for the default of the file's `t` kind (7 for dates, 1 for integers).
    public var seasonLength: Int?
    /// `--quantile Q` in (0, 1): adds the `cumulative_q` column.
    public var quantile: Double?

    public init(
        method: ForecastMethodChoice = .auto, horizon: Int = 28, alpha: Double = 0.1, alphaD: Double = 0.1,
        alphaP: Double = 0.1, seasonLength: Int? = nil, quantile: Double? = nil
    ) {
        self.method = method
        self.horizon = horizon
        self.alpha = alpha
        self.alphaD = alphaD
        self.alphaP = alphaP
        self.seasonLength = seasonLength
        self.quantile = quantile
    }

    public static let maximumHorizon = DemandForecaster.maximumHorizon

    /// Every option out of range, as one error.
    public func validate() throws(ForecastInputError) {
        var problems: [String] = []
        if horizon < 1 || horizon > Self.maximumHorizon { problems.append("--horizon must be 1…\(Self.maximumHorizon), got \(horizon)") }
        for (name, value) in [("--alpha", alpha), ("--alpha-d", alphaD), ("--alpha-p", alphaP)] where !(value > 0 && value <= 1) {
            problems.append("\(name) must be in (0, 1], got \(value)")
        }
        if let seasonLength, seasonLength < 1 || seasonLength > 1_000 {
            problems.append("--season-length must be 1…1000, got \(seasonLength)")
        }
        if let quantile, !(quantile > 0 && quantile < 1) { problems.append("--quantile must be in (0, 1), got \(quantile)") }
        guard problems.isEmpty else {
            throw ForecastInputError(problems: problems.map { .init(line: nil, kind: .invalidOption($0)) })
        }
    }
}

/// The pure core of `partneros forecast`: CSV text in, CSV text out, no I/O.
///
/// Wire the command as: read the input file (or stdin) into a String, build
/// `ForecastTableOptions` from the flags (`ForecastMethodChoice(cliName:)` parses `--method`), call
/// `ForecastBatch.run(csv:options:)`, write the returned text to stdout; on `ForecastInputError`,
/// print its `description` (one problem per line, each naming its input line; the header is line 1)
/// to stderr and exit non-zero. Runs single-threaded; 25,000 series × 80 days with `auto` take
/// about a second on one core (EVALUATION.md).
public enum ForecastBatch {
    /// Parses, checks, forecasts and renders. Output: `series_id,h,forecast,method` (+
    /// `cumulative_q` with a quantile), one line per series and h = 1…horizon, series in the order
    /// they first appear.
    public static func run(csv: String, options: ForecastTableOptions) throws(ForecastInputError) -> String {
        try options.validate()
        let table = try ForecastTable(csv: csv)
        let results = forecast(table, options: options)
        return ForecastCSVRenderer.render(seriesIDs: table.seriesIDs, results: results, includesQuantile: options.quantile != nil)
    }

    /// The forecasts of a built table (for callers that want the values rather than CSV).
    public static func forecast(_ table: ForecastTable, options: ForecastTableOptions) -> [SeriesForecast] {
        let parameters = ForecastParameters(
            alpha: options.alpha, alphaD: options.alphaD, alphaP: options.alphaP,
            seasonLength: options.seasonLength ?? (table.kind ?? .integer).defaultSeasonLength)
        let forecastOptions = ForecastOptions(
            horizon: options.horizon, method: options.method, parameters: parameters, quantiles: options.quantile.map { [$0] } ?? [])
        return DemandForecaster.forecast(table.series, options: forecastOptions)
    }
}
