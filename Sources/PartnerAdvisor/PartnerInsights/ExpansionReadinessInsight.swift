import Foundation
import PartnerCore

/// How ready a partner is for more: the next tier or, at the top, a larger territory.
///
/// Score: 100 points —
/// - `sustained_growth` (25): revenue of the last twelve complete months against the twelve
///   before, all points from +15 % (none at 0 % or below); half for a partner trading less than two
///   years that has revenue (growth from a partial year is not measurable);
/// - `health` (25): the health score's share;
/// - `compliance` (20): the compliance score's share;
/// - `next_tier` (30): trailing twelve-month revenue against the next tier's threshold, capped at
///   100 % (all points at the top tier, where the question is territory).
public enum ExpansionReadinessInsight {
    public static let kind = PartnerInsightKind.expansionReadiness.rawValue
    public static let growthGoal = 0.15

    /// Growth of the last twelve complete months over the twelve before; nil without two full years.
    public static func growth(_ signals: PartnerSignals) -> Double? {
        let months = signals.monthlyRevenue
        guard months.count >= 24 else { return nil }
        let recent = months.suffix(12).reduce(0, +)
        let before = months.suffix(24).prefix(12).reduce(0, +)
        guard before > 0 else { return nil }
        return recent / before - 1
    }

    /// Trailing revenue as a share of the next tier's threshold; nil at the top (or without one).
    public static func tierProgress(_ signals: PartnerSignals) -> Double? {
        guard let next = signals.nextTier else { return nil }
        let threshold = Double(next.minTrailingRevenue.minorUnits) / pow(10, Double(next.minTrailingRevenue.currency.minorUnitDigits))
        guard threshold > 0 else { return 1 }
        return signals.trailingRevenue / threshold
    }

    public static func scorecard(_ signals: PartnerSignals, health: Insight, compliance: Insight) -> Scorecard {
        let growth = growth(signals)
        let hasRevenue = signals.monthlyRevenue.contains { $0 > 0 }
        let progress = tierProgress(signals)
        return Scorecard([
            .init(
                key: "sustained_growth", label: "Revenue growth, last 12 months against the 12 before (%)",
                value: NumberText.rounded((growth ?? 0) * 100), weight: 25,
                attainment: growth.map { $0 / growthGoal } ?? (hasRevenue ? 0.5 : 0),
                display: growth.map { "\($0 >= 0 ? "+" : "")\(NumberText.decimal($0 * 100)) % year on year" }
                    ?? "less than two years of trade"),
            .init(
                key: "health", label: "Health score", value: Double(health.score), weight: 25, attainment: Double(health.score) / 100,
                display: "\(health.score)/100 (\(health.level.rawValue))"),
            .init(
                key: "compliance", label: "Compliance score", value: Double(compliance.score), weight: 20,
                attainment: Double(compliance.score) / 100, display: "\(compliance.score)/100 (\(compliance.level.rawValue))"),
            .init(
                key: "next_tier", label: "Trailing revenue against the next tier's threshold (%)",
                value: NumberText.rounded((progress ?? 1) * 100), weight: 30, attainment: progress ?? 1,
                display: progressText(signals, progress)),
        ])
    }

    static func progressText(_ signals: PartnerSignals, _ progress: Double?) -> String {
        guard let next = signals.nextTier, let progress else { return "already at the top tier" }
        return "\(NumberText.percent(progress)) of \(next.name)'s \(next.minTrailingRevenue)"
    }

    public static func recommendations(_ signals: PartnerSignals, health: Insight, compliance: Insight, score: Int)
        -> [InsightRecommendation]
    {
        var result: [InsightRecommendation] = []
        let progress = tierProgress(signals)
        let ready = score >= InsightLevel.goodFrom
        if let next = signals.nextTier, let progress {
            if progress >= 1 {
                result.append(
                    .init(
                        action: "upgrade_tier", priority: ready ? .high : .medium,
                        rationale: "Trailing revenue meets \(next.name)'s threshold of \(next.minTrailingRevenue); "
                            + (ready ? "propose the upgrade to \(next.name)" : "propose \(next.name) once the gaps below are closed")))
            } else {
                let threshold =
                    Double(next.minTrailingRevenue.minorUnits) / pow(10, Double(next.minTrailingRevenue.currency.minorUnitDigits))
                result.append(
                    .init(
                        action: "grow_to_tier", priority: .medium,
                        rationale: "\(NumberText.decimal(max(0, threshold - signals.trailingRevenue))) \(signals.currency.code) more "
                            + "revenue over twelve months reaches \(next.name) (\(NumberText.percent(progress)) of the way)"))
            }
        } else if ready {
            result.append(
                .init(
                    action: "expand_territory", priority: .high,
                    rationale: "At the top tier and ready; offer a larger territory or a new region in \(signals.name)'s reach"))
        }
        if health.level != .good {
            result.append(
                .init(
                    action: "improve_health", priority: health.level == .act ? .high : .medium,
                    rationale: "Health is \(health.score)/100; close its gaps first (\(health.storyboard.why))"))
        }
        if compliance.level != .good {
            result.append(
                .init(
                    action: "complete_compliance", priority: .high,
                    rationale: "Compliance is \(compliance.score)/100; no expansion before the file is complete"))
        }
        if let growth = growth(signals), growth <= 0 {
            result.append(
                .init(
                    action: "restore_growth", priority: .medium,
                    rationale: "Revenue changed \(NumberText.decimal(growth * 100)) % year on year; expansion needs sustained growth"))
        }
        return result
    }

    public static func insight(_ signals: PartnerSignals, health: Insight, compliance: Insight, window: Insight.Window) -> Insight {
        let scorecard = scorecard(signals, health: health, compliance: compliance)
        let recommendations = recommendations(signals, health: health, compliance: compliance, score: scorecard.score)
        let tier = signals.currentTier?.name ?? "no tier"
        let next = signals.nextTier.map { "the next is \($0.name)" } ?? "no tier above"
        let summary =
            "\(signals.name) is at \(tier) (\(next)) with \(NumberText.decimal(signals.trailingRevenue)) \(signals.currency.code) "
            + "of trailing twelve-month revenue."
        let storyboard = StoryboardBuilder.build(
            subject: signals.name, title: "expansion readiness", scorecard: scorecard, summary: summary, recommendations: recommendations)
        return Insight(
            kind: kind, scorecard: scorecard, recommendations: recommendations, storyboard: storyboard, window: window,
            generatedAt: signals.now)
    }
}
