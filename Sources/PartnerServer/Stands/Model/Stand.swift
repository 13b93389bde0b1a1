import Foundation
import PartnerCore

/// A stand partner's enrolment in the Stand Program; its id is the partner's id.
struct Stand: Equatable, Sendable {
    let id: UUID
    let package: StandPackage
    let commissionBasisPoints: Int
    let loyaltyRateMilli: Int
    let autoRefill: Bool
    let joinedAt: Date
}

/// A stand with its partner and the counts the lists show.
struct StandSummary: Sendable {
    let stand: Stand
    let partner: Partner
    let locationCount: Int
    let lowStockLines: Int
}
