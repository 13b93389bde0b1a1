import Foundation

/// A shop that hosts one of the stand partner's fixtures.
struct StandLocation: Equatable, Sendable {
    let id: UUID
    let standID: UUID
    let name: String
    let venueType: String
    let address: String
    let city: String
    let region: String
    let country: String
    let latitude: Double
    let longitude: Double
    let capacityFacings: Int
    let createdAt: Date
}
