/// A stand location as requested at enrolment, before it is stored.
public struct StandLocationDraft: Equatable, Sendable {
    public static let venueTypes: Set<String> = [
        "pharmacy", "salon", "department_store", "supermarket", "concept_store", "mall", "travel_retail", "other",
    ]
    public static let maxCapacity = 200

    public var name: String
    public var venueType: String
    public var address: String
    public var city: String
    public var region: String
    public var country: String
    public var latitude: Double
    public var longitude: Double
    public var capacityFacings: Int?

    public init(
        name: String, venueType: String, address: String, city: String, region: String, country: String, latitude: Double,
        longitude: Double, capacityFacings: Int?
    ) {
        self.name = name
        self.venueType = venueType
        self.address = address
        self.city = city
        self.region = region
        self.country = country
        self.latitude = latitude
        self.longitude = longitude
        self.capacityFacings = capacityFacings
    }

    /// A trimmed, canonical copy, with errors reported under `field` (e.g. `locations[2]`).
    public func validated(as field: String, into validator: inout FieldValidator) -> StandLocationDraft {
        var result = self
        result.name = validator.requiredText(name, "\(field).name", maxLength: 120) ?? name
        result.address = validator.requiredText(address, "\(field).address", maxLength: 200) ?? address
        result.city = validator.requiredText(city, "\(field).city", maxLength: 100) ?? city
        result.region = validator.requiredText(region, "\(field).region", maxLength: 64) ?? region
        let country = country.trimmed.uppercased()
        validator.check(
            country.utf8.count == 2 && country.utf8.allSatisfy { $0 >= 65 && $0 <= 90 }, "\(field).country",
            "must be an ISO 3166-1 alpha-2 code such as DE")
        result.country = country
        validator.check(Self.venueTypes.contains(venueType), "\(field).venueType", "is not a known venue type")
        validator.check(latitude.isFinite && (-90...90).contains(latitude), "\(field).latitude", "must be between -90 and 90")
        validator.check(longitude.isFinite && (-180...180).contains(longitude), "\(field).longitude", "must be between -180 and 180")
        if let capacityFacings {
            validator.check(
                (1...Self.maxCapacity).contains(capacityFacings), "\(field).capacityFacings", "must be between 1 and \(Self.maxCapacity)")
        }
        return result
    }
}
