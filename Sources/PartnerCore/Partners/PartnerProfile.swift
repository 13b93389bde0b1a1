/// The descriptive fields of a partner, normalized and validated.
public struct PartnerProfile: Equatable, Sendable {
    public var type: PartnerType
    public var companyName: String
    public var displayName: String?
    public var email: String
    public var phone: String?
    public var region: String
    public var country: String
    public var city: String?
    public var address: String?
    public var postalCode: String?
    public var latitude: Double?
    public var longitude: Double?
    public var taxId: String?
    public var website: String?

    /// Fields a partner's own owner may change; everything else is HQ's to decide.
    public static let contactFields: Set<String> = [
        "displayName", "email", "phone", "address", "city", "postalCode", "website",
    ]

    public init(
        type: PartnerType, companyName: String, displayName: String? = nil, email: String,
        phone: String? = nil, region: String, country: String, city: String? = nil,
        address: String? = nil, postalCode: String? = nil, latitude: Double? = nil,
        longitude: Double? = nil, taxId: String? = nil, website: String? = nil
    ) {
        self.type = type
        self.companyName = companyName
        self.displayName = displayName
        self.email = email
        self.phone = phone
        self.region = region
        self.country = country
        self.city = city
        self.address = address
        self.postalCode = postalCode
        self.latitude = latitude
        self.longitude = longitude
        self.taxId = taxId
        self.website = website
    }

    /// A trimmed, canonical copy (lower-case email, upper-case country and tax id), or every field error.
    public func validated() throws(ValidationFailure) -> PartnerProfile {
        var v = FieldValidator()
        var result = self
        result.companyName = v.requiredText(companyName, "companyName", maxLength: 200, minLength: 2) ?? companyName
        result.displayName = v.optionalText(displayName, "displayName", maxLength: 200)
        if let address = EmailAddress(email) {
            result.email = address.value
        } else {
            v.fail("email", "must be a valid email address")
        }
        result.phone = v.optionalText(phone, "phone", maxLength: 32)
        if let phone = result.phone {
            let allowed = phone.allSatisfy { $0.isASCIIDigit || " +-()./".contains($0) }
            v.check(allowed && phone.filter(\.isASCIIDigit).count >= 5, "phone", "must be a phone number of digits, spaces and + - ( ) . /")
        }
        result.region = v.requiredText(region, "region", maxLength: 64) ?? region
        let country = country.trimmed.uppercased()
        v.check(
            country.utf8.count == 2 && country.utf8.allSatisfy { $0 >= 65 && $0 <= 90 }, "country",
            "must be an ISO 3166-1 alpha-2 code such as DE")
        result.country = country
        result.city = v.optionalText(city, "city", maxLength: 100)
        result.address = v.optionalText(address, "address", maxLength: 300)
        result.postalCode = v.optionalText(postalCode, "postalCode", maxLength: 20)
        if let latitude { v.check(latitude.isFinite && (-90...90).contains(latitude), "latitude", "must be between -90 and 90") }
        if let longitude { v.check(longitude.isFinite && (-180...180).contains(longitude), "longitude", "must be between -180 and 180") }
        if (latitude == nil) != (longitude == nil) {
            v.fail(latitude == nil ? "latitude" : "longitude", "latitude and longitude must be given together")
        }
        if let taxId = v.optionalText(taxId, "taxId", maxLength: 32) {
            let canonical = taxId.uppercased().filter { !$0.isWhitespace }
            v.check(
                canonical.count >= 4 && canonical.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-./".contains($0)) }, "taxId",
                "must be 4–32 letters, digits or - . /")
            result.taxId = canonical
        } else {
            result.taxId = nil
        }
        result.website = v.optionalText(website, "website", maxLength: 200)
        if let website = result.website {
            let lower = website.lowercased()
            let host = lower.drop(while: { $0 != "/" }).dropFirst(2).prefix(while: { $0 != "/" })
            v.check((lower.hasPrefix("https://") || lower.hasPrefix("http://")) && host.contains("."), "website", "must be an http(s) URL")
        }
        try v.finish()
        return result
    }

    /// Lower-cased text searched by `q` in partner lists: names, email and city.
    public var searchText: String {
        [companyName, displayName, email, city].compactMap { $0?.lowercased() }.joined(separator: " ")
    }

    /// The identity used to detect duplicate registrations: same type and same company name,
    /// ignoring case and spacing.
    public var companyKey: String {
        companyName.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}

extension PartnerProfile {
    /// JSON names of the fields that differ from `other`.
    public func changedFields(from other: PartnerProfile) -> [String] {
        var changed: [String] = []
        func note(_ name: String, _ differs: Bool) { if differs { changed.append(name) } }
        note("type", type != other.type)
        note("companyName", companyName != other.companyName)
        note("displayName", displayName != other.displayName)
        note("email", email != other.email)
        note("phone", phone != other.phone)
        note("region", region != other.region)
        note("country", country != other.country)
        note("city", city != other.city)
        note("address", address != other.address)
        note("postalCode", postalCode != other.postalCode)
        note("latitude", latitude != other.latitude)
        note("longitude", longitude != other.longitude)
        note("taxId", taxId != other.taxId)
        note("website", website != other.website)
        return changed
    }
}
