import Foundation
import PartnerAPI
import PartnerAdvisor
import PartnerCore

extension PriceAnomalyService.Checked {
    var api: Components.Schemas.PriceAnomalyLine {
        .init(
            sku: line.sku, unitPrice: .init(line.unitPrice), quantity: line.quantity, anomalous: verdict.anomalous, score: verdict.score,
            peerZ: verdict.peerZ.map { ($0 * 100).rounded() / 100 },
            reasons: verdict.reasons.map {
                .init(code: Components.Schemas.PriceAnomalyReason.CodePayload(rawValue: $0.code) ?? .peerOutlier, detail: $0.detail)
            })
    }
}
