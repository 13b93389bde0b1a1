import Foundation
import PartnerAPI
import PartnerCore

extension StandPayoutStatement {
    var api: Components.Schemas.StandPayout {
        Components.Schemas.StandPayout(
            standId: standID.apiString, period: period.description, status: status == .due ? .due : .accruing,
            sales: .init(payout.sales), adjustment: .init(payout.adjustment), adjustmentSales: adjustmentSales,
            commissionBasisPoints: payout.commissionBasisPoints, commission: .init(payout.commission), closedAt: closedAt)
    }
}
