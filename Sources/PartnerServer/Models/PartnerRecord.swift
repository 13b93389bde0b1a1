import Fluent
import Foundation
import PartnerCore

/// A channel partner: dealer, distributor, salon, stand, white-label owner or affiliate.
final class PartnerRecord: Model, @unchecked Sendable {
    static let schema = "partners"

    @ID(key: .id) var id: UUID?
    @Field(key: "type") var type: PartnerType
    @Field(key: "company_name") var companyName: String
    /// Normalized company name; unique per type to catch duplicate registrations.
    @Field(key: "company_key") var companyKey: String
    @OptionalField(key: "display_name") var displayName: String?
    @Field(key: "email") var email: String
    @OptionalField(key: "phone") var phone: String?
    @Field(key: "region") var region: String
    @Field(key: "country") var country: String
    @OptionalField(key: "city") var city: String?
    @OptionalField(key: "address") var address: String?
    @OptionalField(key: "postal_code") var postalCode: String?
    @OptionalField(key: "latitude") var latitude: Double?
    @OptionalField(key: "longitude") var longitude: Double?
    @OptionalField(key: "tax_id") var taxId: String?
    @OptionalField(key: "website") var website: String?
    @Field(key: "status") var status: PartnerStatus
    @OptionalParent(key: "tier_id") var tier: PartnerTierRecord?
    /// Lower-cased names, email and city for `q` searches that behave the same on SQLite and PostgreSQL.
    @Field(key: "search_text") var searchText: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    init(id: UUID? = nil, profile: PartnerProfile, status: PartnerStatus, tierID: UUID?) {
        self.id = id
        self.status = status
        self.$tier.id = tierID
        apply(profile)
    }

    var profile: PartnerProfile {
        PartnerProfile(
            type: type, companyName: companyName, displayName: displayName, email: email, phone: phone,
            region: region, country: country, city: city, address: address, postalCode: postalCode,
            latitude: latitude, longitude: longitude, taxId: taxId, website: website)
    }

    func apply(_ profile: PartnerProfile) {
        type = profile.type
        companyName = profile.companyName
        companyKey = profile.companyKey
        displayName = profile.displayName
        email = profile.email
        phone = profile.phone
        region = profile.region
        country = profile.country
        city = profile.city
        address = profile.address
        postalCode = profile.postalCode
        latitude = profile.latitude
        longitude = profile.longitude
        taxId = profile.taxId
        website = profile.website
        searchText = profile.searchText
    }
}
