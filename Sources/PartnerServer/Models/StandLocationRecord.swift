import Fluent
import Foundation
import PartnerCore

/// A shop that hosts one of the stand partner's fixtures.
final class StandLocationRecord: Model, @unchecked Sendable {
    static let schema = "stand_locations"

    @ID(key: .id) var id: UUID?
    @Parent(key: "stand_id") var stand: StandPartnerRecord
    @Field(key: "name") var name: String
    @Field(key: "venue_type") var venueType: String
    @Field(key: "address") var address: String
    @Field(key: "city") var city: String
    @Field(key: "region") var region: String
    @Field(key: "country") var country: String
    @Field(key: "latitude") var latitude: Double
    @Field(key: "longitude") var longitude: Double
    @Field(key: "capacity_facings") var capacityFacings: Int
    @Field(key: "created_at") var createdAt: Date

    init() {}
}
