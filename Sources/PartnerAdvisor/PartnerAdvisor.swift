import PartnerCore

/// The AI Partner Advisor and AI Stand Coach: deterministic, explainable analytics over partner and
/// stand data. Insights record the model version that produced them.
///
/// Forecasting (no I/O, Foundation only):
/// - `ForecastBatch.run(csv:options:)`: CSV `series_id,t,y` in, CSV `series_id,h,forecast,method
///   [,cumulative_q]` out, every input problem reported with its line number (`ForecastInputError`).
///   This is what `partneros forecast` calls.
/// - `DemandForecaster.forecast(_:options:)`: the same over validated `DemandSeries` values: point
///   forecasts of a fixed method or `auto`, and quantiles of cumulative demand for safety stock.
/// - `ForecastEngine` / `ForecastMethod.forecast`: the individual methods, bit-identical to
///   statsforecast 2.1.1 (EVALUATION.md).
/// - `DemandProfile`: the Syntetos–Boylan demand class of a series.
///
/// Stand Coach (pure, deterministic):
/// - `RefillForecaster` / `RefillSizing` / `LocationRefill`: reorder points and refills for a
///   fill-rate target from the forecast's cumulative quantiles (`DemandOutlook`), par and packs.
/// - `Insight`, `Scorecard` (largest-remainder factor points), `InsightLevel`, `StoryboardBuilder`:
///   the explainable insight shape every advisor kind shares; `RefillOutlookInsight`,
///   `DisplayHealthInsight`, `ExpansionInsight` build one per kind.
/// - `MannKendall`, `GeoPoint` / `GeoKernel`, `ForecastAccuracy`; `RefillReplay` for the simulator.
///
/// Partner Advisor (pure, deterministic, over `PartnerSignals` the application core gathers):
/// - `PartnerHealthInsight`, `ExpansionReadinessInsight`, `ComplianceInsight` (run together by
///   `PartnerAdvisorRun`), with `OrderRhythm` for recency against a partner's own order gaps.
/// - `PriceAnomalyDetector` with `RobustZ` (Iglewicz–Hoaglin modified z, MeanAD fallback).
/// - `ReorderSuggester` (per-SKU rhythm, the naive baseline) and `BoughtTogether` (support, lift).
public enum PartnerAdvisor {
    /// advisor-1: statsforecast-compatible intermittent-demand forecasting, pooled `auto`,
    /// recalibrated negative-binomial cumulative quantiles.
    public static let modelVersion = "advisor-1"
}
