/// A partial change to a partner (a PATCH). `nil` leaves a field as it is; for optional text
/// fields an empty string clears the value, and for required ones it fails validation.
public struct PartnerEdit: Equatable, Sendable {
    public var type: PartnerType?
    public var companyName: String?
    public var displayName: String?
    public var email: String?
    public var phone: String?
    public var region: String?
    public var country: String?
    public var city: String?
    public var address: String?
    public var postalCode: String?
    public var latitude: Double?
    public var longitude: Double?
    public var taxId: String?
    public var website: String?
    /// A tier code; an empty string removes the tier.
    public var tierCode: String?
    public var status: PartnerStatus?

    public init() {}

    /// The JSON names of the fields this edit sets, which the access policy judges.
    public var providedFields: Set<String> {
        let candidates: [(String, Bool)] = [
            ("type", type != nil), ("companyName", companyName != nil), ("email", email != nil),
            ("region", region != nil), ("country", country != nil), ("displayName", displayName != nil),
            ("phone", phone != nil), ("city", city != nil), ("address", address != nil),
            ("postalCode", postalCode != nil), ("latitude", latitude != nil), ("longitude", longitude != nil),
            ("taxId", taxId != nil), ("website", website != nil), ("tierCode", tierCode != nil),
            ("status", status != nil),
        ]
        return Set(candidates.filter(\.1).map(\.0))
    }

    /// `profile` with this edit's profile fields applied (not yet validated).
    public func applied(to profile: PartnerProfile) -> PartnerProfile {
        var next = profile
        if let type { next.type = type }
        if let companyName { next.companyName = companyName }
        if let email { next.email = email }
        if let region { next.region = region }
        if let country { next.country = country }
        if let displayName { next.displayName = displayName }
        if let phone { next.phone = phone }
        if let city { next.city = city }
        if let address { next.address = address }
        if let postalCode { next.postalCode = postalCode }
        if let latitude { next.latitude = latitude }
        if let longitude { next.longitude = longitude }
        if let taxId { next.taxId = taxId }
        if let website { next.website = website }
        return next
    }
}
