import Foundation
import PartnerAPI
import PartnerCore

extension StandSummary {
    var api: Components.Schemas.Stand {
        let id = stand.id.apiString
        let rate = Double(stand.loyaltyRateMilli) / 1_000
        return Components.Schemas.Stand(
            id: id,
            partner: .init(
                id: id, companyName: partner.companyName, region: partner.region, country: partner.profile.country,
                city: partner.profile.city, status: .init(partner.status)),
            packageLevel: .init(stand.package), commissionBasisPoints: stand.commissionBasisPoints,
            loyaltyPointsPerUnit: rate == rate.rounded() ? String(Int(rate)) : String(rate), autoRefill: stand.autoRefill,
            locationCount: locationCount, lowStockLines: lowStockLines, joinedAt: stand.joinedAt)
    }
}
