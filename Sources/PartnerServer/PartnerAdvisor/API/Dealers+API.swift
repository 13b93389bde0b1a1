import Foundation
import PartnerAPI
import PartnerAdvisor
import PartnerCore

extension DealerRiskService.Ranked {
    var api: Components.Schemas.DealerInsight {
        .init(
            partnerId: partnerID.apiString, companyName: companyName, score: score,
            level: Components.Schemas.InsightLevel(rawValue: level.rawValue) ?? .watch,
            topFactors: topFactors.map { .init(key: $0.key, label: $0.label, value: $0.value, contribution: $0.contribution) },
            generatedAt: generatedAt)
    }
}

extension ReorderSuggestionService.Suggestions {
    var api: Components.Schemas.ReorderSuggestion {
        .init(
            dealerId: dealerID.apiString, horizonDays: horizonDays,
            items: items.map {
                .init(
                    sku: $0.suggestion.sku, name: $0.name, predictedOrderDate: CalendarDay.format($0.suggestion.predictedOrderDate),
                    quantity: $0.suggestion.quantity, unitPrice: .init($0.unitPrice), lineTotal: .init($0.lineTotal),
                    confidence: $0.suggestion.confidence, rationale: $0.suggestion.rationale)
            },
            boughtTogether: boughtTogether.map { .init(sku: $0.sku, with: [$0.with], support: $0.support, lift: $0.lift) },
            promotions: promotions.map { promotion in
                var discount: Double?
                if case .discount(let basisPoints, _, _) = promotion.benefit { discount = Double(basisPoints) / 100 }
                return .init(
                    id: promotion.id.apiString, name: promotion.name, discountPercent: discount,
                    pointsMultiplier: promotion.pointsMultiplierMilli.map { Double($0) / 1000 },
                    validTo: CalendarDay.format(promotion.validTo))
            })
    }
}
