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
    let tier: PartnerTier?

    /// A row of `columns`, its tier from the joined `t` columns.
    init(_ row: RowReader) throws {
        try self.init(row, tier: try TierRow.tier(row))
    }

    /// A row of `listColumns`, its tier looked up in `tiers` by id. A page holds a handful of distinct
    /// tiers: reading all of them once costs less than nine joined columns on every row.
    init(_ row: RowReader, tiers: [UUID: PartnerTier]) throws {
        try self.init(row, tier: try row.optionalUUID("tierId").flatMap { tiers[$0] })
    }

    private init(_ row: RowReader, tier: PartnerTier?) throws {
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
        self.tier = tier
    }

    /// The columns this row decodes, for `FROM partners p LEFT JOIN partner_tiers t ON t.id = p.tier_id`.
    static let columns: SQLQueryString = "\(unsafeRaw: partnerColumns + ", " + TierRow.columns("t"))"

    /// The columns `init(_:tiers:)` decodes, for `FROM partners p` alone.
    static let listColumns: SQLQueryString = "\(unsafeRaw: partnerColumns + #", p.tier_id AS "tierId""#)"

    private static let partnerColumns = SQLColumns.aliased(
        "p",
        [
            "id", "type", "company_name", "display_name", "email", "phone", "region", "country", "city", "address", "postal_code",
            "latitude", "longitude", "tax_id", "website", "status", "created_at", "updated_at",
        ])

    var value: Partner {
        let profile = PartnerProfile(
            type: type, companyName: companyName, displayName: displayName, email: email, phone: phone, region: region, country: country,
            city: city, address: address, postalCode: postalCode, latitude: latitude, longitude: longitude, taxId: taxId, website: website)
        let created = createdAt ?? Date(timeIntervalSince1970: 0)
        return Partner(id: id, profile: profile, status: status, tier: tier, createdAt: created, updatedAt: updatedAt ?? created)
    }
}
