import Foundation
import PartnerCore
import SQLKit

/// A partner row with its tier, read straight from SQL for the hot reads (lists, lookups): Fluent's
/// model decoding and eager loading cost several times the query itself there.
struct PartnerRow {
    let id: UUID
    let type: PartnerType
    let companyName: String
    let displayName: String?
    let email: String
    let phone: String?
    let region: String
    let country: String
    let city: String?
    let address: String?
    let postalCode: String?
    let latitude: Double?
    let longitude: Double?
    let taxId: String?
    let website: String?
    let status: PartnerStatus
    let createdAt: Date?
    let updatedAt: Date?
    let tierId: UUID?
    let tierCode: String?
    let tierName: String?
    let tierPartnerTypes: String?
    let tierRank: Int?
    let tierBaseDiscountBp: Int?
    let tierLoyaltyMultiplierMilli: Int?
    let tierMinRevenueMinor: Int64?
    let tierCurrency: String?

    init(_ row: RowReader) throws {
        id = try row.uuid("id")
        type = try row.value("type", as: PartnerType.self)
        companyName = try row.string("companyName")
        displayName = try row.optionalString("displayName")
        email = try row.string("email")
        phone = try row.optionalString("phone")
        region = try row.string("region")
        country = try row.string("country")
        city = try row.optionalString("city")
        address = try row.optionalString("address")
        postalCode = try row.optionalString("postalCode")
        latitude = try row.optionalDouble("latitude")
        longitude = try row.optionalDouble("longitude")
        taxId = try row.optionalString("taxId")
        website = try row.optionalString("website")
        status = try row.value("status", as: PartnerStatus.self)
        createdAt = try row.optionalDate("createdAt")
        updatedAt = try row.optionalDate("updatedAt")
        tierId = try row.optionalUUID("tierId")
        tierCode = try row.optionalString("tierCode")
        tierName = try row.optionalString("tierName")
        tierPartnerTypes = try row.optionalString("tierPartnerTypes")
        tierRank = try row.optionalInt("tierRank")
        tierBaseDiscountBp = try row.optionalInt("tierBaseDiscountBp")
        tierLoyaltyMultiplierMilli = try row.optionalInt("tierLoyaltyMultiplierMilli")
        tierMinRevenueMinor = try row.optionalInt64("tierMinRevenueMinor")
        tierCurrency = try row.optionalString("tierCurrency")
    }

    /// The columns this row decodes, for `FROM partners p LEFT JOIN partner_tiers t ON t.id = p.tier_id`.
    static let columns: SQLQueryString = "\(unsafeRaw: columnList)"

    private static let columnList =
        SQLColumns.aliased(
            "p",
            [
                "id", "type", "company_name", "display_name", "email", "phone", "region", "country", "city", "address", "postal_code",
                "latitude", "longitude", "tax_id", "website", "status", "created_at", "updated_at",
            ]) + ", "
        + SQLColumns.aliased(
            "t",
            [
                "id", "code", "name", "partner_types", "rank", "base_discount_bp", "loyalty_multiplier_milli", "min_revenue_minor",
                "currency",
            ], prefix: "tier")

    var value: Partner {
        let profile = PartnerProfile(
            type: type, companyName: companyName, displayName: displayName, email: email, phone: phone, region: region, country: country,
            city: city, address: address, postalCode: postalCode, latitude: latitude, longitude: longitude, taxId: taxId, website: website)
        let created = createdAt ?? Date(timeIntervalSince1970: 0)
        return Partner(id: id, profile: profile, status: status, tier: tier, createdAt: created, updatedAt: updatedAt ?? created)
    }

    private var tier: PartnerTier? {
        guard let tierId, let tierCode else { return nil }
        let definition = TierDefinition(
            code: tierCode, name: tierName ?? tierCode,
            partnerTypes: (tierPartnerTypes ?? "").split(separator: ",").compactMap { PartnerType(rawValue: String($0)) },
            rank: tierRank ?? 0, baseDiscountBasisPoints: tierBaseDiscountBp ?? 0,
            loyaltyMultiplierMilli: tierLoyaltyMultiplierMilli ?? 1_000,
            minTrailingRevenue: Money(minorUnits: tierMinRevenueMinor ?? 0, currency: Currency(tierCurrency ?? "EUR") ?? .eur))
        return PartnerTier(id: tierId, definition: definition)
    }
}
