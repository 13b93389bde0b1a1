import Foundation

/// The insight of a refill forecast: how safe the stand's shelves are until refills can arrive.
///
/// Score (documented in README): 100 points over three factors of every planogram line —
/// - `in_stock` (30): the share of lines with stock on the shelf now;
/// - `lead_time_risk` (50): 1 − the mean chance that a line runs out before a refill requested now
///   could arrive (its position against the calibrated lead-time demand distribution);
/// - `horizon_cover` (20): the share of lines whose shelf and on-order stock last the horizon at
///   the expected demand.
/// A stand whose every line is stocked and covered scores 100; one with most lines empty scores in
/// `act`.
public enum RefillOutlookInsight {
    public static let kind = "refill_forecast"

    public struct Line: Sendable, Hashable {
        public var sku: String
        public var onHand: Int
        public var stockOutRisk: Double
        public var stockOutDay: Int?
        public var reachesTarget: Bool
        public var recommended: Int

        public init(sku: String, onHand: Int, stockOutRisk: Double, stockOutDay: Int?, reachesTarget: Bool, recommended: Int) {
            self.sku = sku
            self.onHand = onHand
            self.stockOutRisk = stockOutRisk
            self.stockOutDay = stockOutDay
            self.reachesTarget = reachesTarget
            self.recommended = recommended
        }
    }

    public struct Location: Sendable, Hashable {
        public var name: String
        public var lines: [Line]
        /// The refill of this location already in flight, if any (its number).
        public var openRefill: String?

        public init(name: String, lines: [Line], openRefill: String?) {
            self.name = name
            self.lines = lines
            self.openRefill = openRefill
        }
    }

    public static func scorecard(_ locations: [Location], horizonDays: Int) -> Scorecard {
        let lines = locations.flatMap(\.lines)
        let count = Double(max(1, lines.count))
        let inStock = lines.isEmpty ? 1 : Double(lines.filter { $0.onHand > 0 }.count) / count
        let risk = lines.isEmpty ? 0 : lines.map { min(max($0.stockOutRisk, 0), 1) }.reduce(0, +) / count
        let covered = lines.isEmpty ? 1 : Double(lines.filter { $0.stockOutDay == nil }.count) / count
        return Scorecard([
            .init(
                key: "in_stock", label: "Lines in stock now (%)", value: NumberText.rounded(inStock * 100), weight: 30,
                attainment: inStock, display: NumberText.percent(inStock)),
            .init(
                key: "lead_time_risk", label: "Chance to run out before a refill arrives (%)", value: NumberText.rounded(risk * 100),
                weight: 50, attainment: 1 - risk, display: NumberText.percent(risk)),
            .init(
                key: "horizon_cover", label: "Lines covered for \(horizonDays) days (%)", value: NumberText.rounded(covered * 100),
                weight: 20, attainment: covered, display: NumberText.percent(covered)),
        ])
    }

    public static func recommendations(_ locations: [Location], horizonDays: Int) -> [InsightRecommendation] {
        var result: [InsightRecommendation] = []
        for location in locations {
            let due = location.lines.filter { $0.recommended > 0 }
            let empty = location.lines.filter { $0.onHand <= 0 }.map(\.sku)
            if let open = location.openRefill {
                if !due.isEmpty || !empty.isEmpty {
                    result.append(
                        .init(
                            action: "expedite_refill", priority: empty.isEmpty ? .medium : .high,
                            rationale: "Refill \(open) is in flight for \(location.name); make sure it arrives"
                                + (empty.isEmpty
                                    ? " before \(due.count) lines reach their reorder point" : " — \(empty.count) lines are empty")))
                }
            } else if !due.isEmpty {
                let units = due.reduce(0) { $0 + $1.recommended }
                result.append(
                    .init(
                        action: "refill_now", priority: empty.isEmpty ? .medium : .high,
                        rationale: "Refill \(location.name) now: \(due.count) lines at or below their reorder point"
                            + (empty.isEmpty ? "" : " (\(empty.count) empty: \(empty.prefix(3).joined(separator: ", ")))")
                            + ", \(units) units recommended"))
            }
            let short = location.lines.filter { !$0.reachesTarget }.map(\.sku)
            if !short.isEmpty {
                result.append(
                    .init(
                        action: "raise_par", priority: .low,
                        rationale: "Par is too low to reach the target fill rate for \(short.prefix(3).joined(separator: ", "))"
                            + (short.count > 3 ? " and \(short.count - 3) more" : "") + " at \(location.name); give them more facings"))
            }
        }
        return result
    }

    public static func insight(
        subject: String, locations: [Location], horizonDays: Int, window: Insight.Window, generatedAt: Date
    ) -> Insight {
        let scorecard = scorecard(locations, horizonDays: horizonDays)
        let recommendations = recommendations(locations, horizonDays: horizonDays)
        let lines = locations.flatMap(\.lines)
        let soon = lines.filter { ($0.stockOutDay ?? Int.max) <= horizonDays }.count
        let summary =
            "\(lines.count) lines at \(locations.count) location\(locations.count == 1 ? "" : "s") forecast for \(horizonDays) days: "
            + "\(lines.filter { $0.onHand <= 0 }.count) empty now, \(soon) expected to run out within the horizon, "
            + "\(lines.filter { $0.recommended > 0 }.count) to refill."
        let storyboard = StoryboardBuilder.build(
            subject: subject, title: "refill outlook", scorecard: scorecard, summary: summary, recommendations: recommendations)
        return Insight(
            kind: kind, scorecard: scorecard, recommendations: recommendations, storyboard: storyboard, window: window,
            generatedAt: generatedAt)
    }
}
