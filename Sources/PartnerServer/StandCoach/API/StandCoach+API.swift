import Foundation
import PartnerAPI
import PartnerAdvisor
import PartnerCore

// The coach's values as the API shows them.

extension StoredInsight {
    var api: Components.Schemas.Insight {
        Components.Schemas.Insight(
            id: id.apiString, kind: insight.kind, standId: standID?.apiString, locationId: locationID?.apiString, subject: subject,
            score: insight.score, level: Components.Schemas.InsightLevel(rawValue: insight.level.rawValue) ?? .watch,
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

extension Storyboard {
    var api: Components.Schemas.Storyboard {
        .init(headline: headline, whatHappened: whatHappened, why: why, whatNext: whatNext)
    }
}

extension RefillForecast {
    var api: Components.Schemas.RefillForecast {
        Components.Schemas.RefillForecast(
            standId: standID.apiString, generatedAt: generatedAt, serviceLevel: serviceLevel, horizonDays: horizonDays,
            locations: locations.map(\.api), storyboard: insight.insight.storyboard.api, insight: insight.api)
    }
}

extension RefillForecast.Location {
    var api: Components.Schemas.RefillForecastLocation {
        Components.Schemas.RefillForecastLocation(
            locationId: locationID.apiString, name: name, leadTimeDays: leadTimeDays,
            leadTimeSource: Components.Schemas.RefillForecastLocation.LeadTimeSourcePayload(rawValue: leadTimeSource) ?? ._default,
            lines: lines.map(\.api), totals: .init(units: units, value: .init(value)), refill: refill?.api)
    }
}

extension RefillForecast.Line {
    var api: Components.Schemas.RefillForecastLine {
        Components.Schemas.RefillForecastLine(
            sku: sku, name: name, demandClass: Components.Schemas.DemandClass(rawValue: demandClass.rawValue) ?? .intermittent,
            method: Components.Schemas.ForecastMethod(rawValue: method.rawValue) ?? .ses, forecast: forecast,
            interval: .init(level: interval.level, lower: interval.lower, upper: interval.upper), onHand: onHand, onOrder: onOrder,
            reorderPoint: reorderPoint, waitDays: waitDays, orderUpTo: orderUpTo, safetyStock: safetyStock,
            recommendedQuantity: recommendedQuantity,
            stockOutDate: stockOutDate.map(CalendarDay.format),
            backtestError: mase.flatMap { mase in rmsse.map { .init(mase: mase, rmsse: $0) } })
    }
}

extension PerformanceInsightService.Detail {
    var api: Components.Schemas.PerformanceInsightDetail {
        func rates(_ skus: [SKU]) -> [Components.Schemas.SkuRate] {
            skus.map { .init(sku: $0.sku, name: $0.name, unitsPerLocationDay: $0.unitsPerLocationDay) }
        }
        return .init(
            cohortSize: cohortSize, facingsFilled: facingsFilled, stockOutShare: stockOutShare, sellThrough: sellThrough,
            unitsPerLocationDay: unitsPerLocationDay, cohortMedianUnitsPerLocationDay: cohortMedianUnitsPerLocationDay,
            trendSlopePerWeek: trendSlopePerWeek, trendPValue: trendPValue, slowMovers: rates(slowMovers),
            regionBestSellers: rates(regionBestSellers))
    }
}

extension ExpansionService.Scored {
    var api: Components.Schemas.ExpansionSite {
        .init(
            name: site.name, latitude: site.point.latitude, longitude: site.point.longitude, venueType: site.venueType,
            region: site.region, proposed: proposed, insight: insight.api)
    }
}
