import Foundation

/// Scores a partner for the kinds asked, in the order asked. Expansion readiness is built on the
/// health and compliance scores, so those are computed for it even when not asked for.
public enum PartnerAdvisorRun {
    public static func insights(_ signals: PartnerSignals, kinds: [PartnerInsightKind], window: Insight.Window) -> [Insight] {
        let health = PartnerHealthInsight.insight(signals, window: window)
        let compliance = ComplianceInsight.insight(signals, window: window)
        var seen = Set<PartnerInsightKind>()
        return kinds.filter { seen.insert($0).inserted }.map { kind in
            switch kind {
            case .health: health
            case .compliance: compliance
            case .expansionReadiness:
                ExpansionReadinessInsight.insight(signals, health: health, compliance: compliance, window: window)
            }
        }
    }
}
