import Foundation
import PartnerAPI
import PartnerCore

extension StandPayoutRecord {
    var api: Components.Schemas.StandPayout {
        let money = Currency(currency) ?? .eur
        return Components.Schemas.StandPayout(
            standId: $stand.id.apiString, period: period, status: .due, sales: .init(Money(minorUnits: salesMinor, currency: money)),
            commissionBasisPoints: commissionBasisPoints, commission: .init(Money(minorUnits: commissionMinor, currency: money)),
            closedAt: closedAt)
    }
}
