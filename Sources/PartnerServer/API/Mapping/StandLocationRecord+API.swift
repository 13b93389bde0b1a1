import Foundation
import PartnerAPI
import PartnerCore

extension StandLocationRecord {
    var api: Components.Schemas.StandLocation {
        get throws {
            Components.Schemas.StandLocation(
                id: try requireID().apiString, standId: $stand.id.apiString, name: name,
                venueType: Components.Schemas.VenueType(rawValue: venueType) ?? .other, address: address, city: city, region: region,
                country: country, latitude: latitude, longitude: longitude, capacityFacings: capacityFacings, createdAt: createdAt)
        }
    }
}
