import Foundation
import PartnerCore

extension StandRepository {
    func details(of standID: UUID) async throws -> StandDetails {
        let summary = try await summary(of: standID)
        let shelf = try await shelf(of: standID)
        let demand = try await dailyDemand(of: standID)
        let locations = try await locations(of: standID).map { location in
            StandDetails.Location(
                location: location,
                shelf: shelf.filter { $0.locationID == location.id }.map {
                    ($0, demand[Self.demandKey(location.id, $0.sku)] ?? 0)
                })
        }
        return StandDetails(
            summary: summary, locations: locations, openRefills: try await openRefills(of: standID),
            loyaltyBalance: try await StandLoyaltyService.balance(of: standID, on: database).balance,
            latestCount: try await latestSnapshot(of: standID))
    }
}
