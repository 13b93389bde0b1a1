/// The demand of one series over the next days as the refill sizing reads it: point forecasts for
/// the means, and a grid of equally likely quantiles of the cumulative demand for everything that
/// needs its spread (expected units short, the chance of running out, intervals).
///
/// The grid holds the quantiles at the mid-points u = (j + ½)/M of M equal probability slices, so
/// an expectation over the demand distribution is the average over the grid (the midpoint rule for
/// E[g(D)] = ∫₀¹ g(F⁻¹(u)) du). The quantiles come from `DemandForecaster`'s calibrated cumulative
/// model, so the spread is the forecast's own error distribution, not an assumed normal.
public struct DemandOutlook: Sendable, Hashable {
    /// Slices of the grid: 40 gives every slice 2.5 % of the probability.
    public static let gridSize = 40
    /// The levels to request from `DemandForecaster` (first in `ForecastOptions.quantiles`).
    public static let gridLevels: [Double] = (0..<gridSize).map { (Double($0) + 0.5) / Double(gridSize) }

    /// Point forecasts, one a day, for days 1…horizon.
    public let daily: [Double]
    /// `grid[j][k - 1]`: the quantile at `gridLevels[j]` of the demand over days 1…k.
    let grid: [[Double]]

    /// Reads a forecast made with `gridLevels` as its first quantile levels; without them the
    /// outlook has no spread (every grid point is the cumulative mean).
    public init(_ forecast: SeriesForecast) {
        daily = forecast.forecast.map { $0.isFinite ? max(0, $0) : 0 }
        if forecast.cumulativeQuantiles.count >= Self.gridSize {
            grid = Array(forecast.cumulativeQuantiles.prefix(Self.gridSize))
        } else {
            var cumulative = 0.0
            let means = daily.map { value -> Double in
                cumulative += value
                return cumulative
            }
            grid = [[Double]](repeating: means, count: Self.gridSize)
        }
    }

    public var horizon: Int { daily.count }

    /// Expected demand over days 1…k (k clamped to the horizon; 0 for k ≤ 0).
    public func mean(days k: Int) -> Double {
        daily.prefix(max(0, min(k, horizon))).reduce(0, +)
    }

    /// Expected demand over days `from + 1`…`from + days`.
    public func mean(days: Int, after from: Int) -> Double {
        mean(days: from + days) - mean(days: from)
    }

    /// E[(D_k − stock)⁺]: the units expected to be missing when `stock` faces k days of demand.
    public func expectedShortage(days k: Int, stock: Double) -> Double {
        guard k > 0, horizon > 0 else { return 0 }
        let column = min(k, horizon) - 1
        var total = 0.0
        for row in grid where column < row.count {
            total += max(0, row[column] - stock)
        }
        return total / Double(Self.gridSize)
    }

    /// P(D_k > stock): the chance that `stock` runs out within k days.
    public func stockOutProbability(days k: Int, stock: Double) -> Double {
        guard k > 0, horizon > 0 else { return 0 }
        let column = min(k, horizon) - 1
        let above = grid.filter { column < $0.count && $0[column] > stock }.count
        return Double(above) / Double(Self.gridSize)
    }
}
