import Foundation
import PartnerAPI
import PartnerAdvisor
import PartnerCore

// The Partner Advisor's values as the API shows them.

extension StoredPartnerInsight {
    var api: Components.Schemas.Insight {
        Components.Schemas.Insight(
            id: id.apiString, kind: insight.kind, partnerId: partnerID.apiString, score: insight.score,
            level: Components.Schemas.InsightLevel(rawValue: insight.level.rawValue) ?? .watch,
            factors: insight.factors.map { .init(key: $0.key, label: $0.label, value: $0.value, contribution: $0.contribution) },
            recommendations: insight.recommendations.map {
                .init(
                    action: $0.action,
                    priority: Components.Schemas.InsightRecommendation.PriorityPayload(rawValue: $0.priority.rawValue) ?? .medium,
                    rationale: $0.rationale)
            },
            storyboard: insight.storyboard.api, modelVersion: insight.modelVersion,
            window: .init(from: CalendarDay.format(insight.window.from), through: CalendarDay.format(insight.window.through)),
            generatedAt: insight.generatedAt)
    }
}
