import Foundation
import PartnerAPI
import PartnerCore

extension Promotion {
    var api: Components.Schemas.Promotion {
        var percent: Double?
        var multiplier: Double?
        var skus: [String] = []
        var categories: [String] = []
        switch benefit {
        case .discount(let basisPoints, let discounted, let inCategories):
            percent = FixedPoint.unscaled(basisPoints, decimals: 2)
            skus = discounted.sorted()
            categories = inCategories.sorted()
        case .pointsMultiplier(let milli):
            multiplier = FixedPoint.unscaled(milli, decimals: 3)
        }
        return Components.Schemas.Promotion(
            id: id.apiString, name: name, description: details, status: .init(status), kind: percent != nil ? .discount : .pointsMultiplier,
            discountPercent: percent, pointsMultiplier: multiplier, skus: skus, categories: categories,
            audience: .init(
                partnerTypes: audience.partnerTypes.map(\.rawValue).sorted().compactMap(Components.Schemas.PartnerType.init(rawValue:)),
                tierCodes: audience.tierCodes.sorted(), regions: audience.regions.sorted(),
                partnerIds: audience.partnerIDs.map(\.apiString).sorted()),
            validFrom: CalendarDay.format(validFrom), validTo: CalendarDay.format(validTo), createdAt: createdAt, updatedAt: updatedAt)
    }
}

extension PromotionDraft.Input {
    init(_ body: Components.Schemas.PromotionCreate) {
        self.init(
            name: body.name, details: body.description, discountPercent: body.discountPercent, pointsMultiplier: body.pointsMultiplier,
            skus: body.skus, categories: body.categories, partnerTypes: body.audience?.partnerTypes?.map(PartnerType.init),
            tierCodes: body.audience?.tierCodes, regions: body.audience?.regions, partnerIDs: body.audience?.partnerIds,
            validFrom: body.validFrom, validTo: body.validTo)
    }
}
