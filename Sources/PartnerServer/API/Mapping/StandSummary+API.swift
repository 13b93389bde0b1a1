import Foundation
import PartnerAPI
import PartnerCore

extension StandRepository.Summary {
    var api: Components.Schemas.Stand {
        get throws {
            let id = try stand.requireID()
            let rate = Double(stand.loyaltyRateMilli) / 1_000
            return Components.Schemas.Stand(
                id: id.apiString,
                partner: .init(
                    id: id.apiString, companyName: partner.companyName, region: partner.region, country: partner.country,
                    city: partner.city,
                    status: .init(partner.status)),
                packageLevel: .init(stand.packageLevel), commissionBasisPoints: stand.commissionBasisPoints,
                loyaltyPointsPerUnit: rate == rate.rounded() ? String(Int(rate)) : String(rate), autoRefill: stand.autoRefill,
                locationCount: locationCount, lowStockLines: lowStockLines, joinedAt: stand.joinedAt)
        }
    }
}
