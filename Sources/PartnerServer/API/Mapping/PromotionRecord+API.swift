import Foundation
import PartnerAPI
import PartnerCore

extension PromotionRecord {
    var api: Components.Schemas.Promotion {
        get throws {
            Components.Schemas.Promotion(
                id: try requireID().apiString, name: name, description: details, status: .init(status),
                kind: discountBasisPoints != nil ? .discount : .pointsMultiplier,
                discountPercent: discountBasisPoints.map { FixedPoint.unscaled($0, decimals: 2) },
                pointsMultiplier: pointsMultiplierMilli.map { FixedPoint.unscaled($0, decimals: 3) },
                skus: Self.set(skus).sorted(), categories: Self.set(categories).sorted(),
                audience: .init(
                    partnerTypes: Self.set(partnerTypes).sorted().compactMap(Components.Schemas.PartnerType.init(rawValue:)),
                    tierCodes: Self.set(tierCodes).sorted(), regions: Self.set(regions).sorted(), partnerIds: Self.set(partnerIDs).sorted()),
                validFrom: CalendarDay.format(validFrom), validTo: CalendarDay.format(validTo), createdAt: createdAt ?? Date(),
                updatedAt: updatedAt ?? Date())
        }
    }
}
